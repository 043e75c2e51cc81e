package io.orderflow.api.inventory;

/** A reservation was refused because there was not enough stock; nothing changed. */
public record StockReservationRejectedEvent(String productId, String orderId, int requested, int stockAvailable,
                                            String reason) {
}
