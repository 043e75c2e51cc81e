package io.orderflow.api.inventory;

import io.orderflow.api.order.OrderEvent;

/** A reservation was refused because there was not enough stock; nothing changed. */
public record StockReservationRejectedEvent(
        String productId, String orderId, int requested, int stockAvailable, String reason) implements OrderEvent {}
