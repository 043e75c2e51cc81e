package io.orderflow.api.inventory;

/** An order's reservation was given back; the stock levels are those after the release. */
public record StockReleasedEvent(String productId, String orderId, int quantity, int stockAvailable,
                                 int stockReserved) {
}
