package io.orderflow.api.inventory;

import io.orderflow.api.order.OrderEvent;

/** Units were set aside for an order; the stock levels are those after the reservation. */
public record StockReservedEvent(String productId, String orderId, int quantity, int stockAvailable, int stockReserved)
        implements OrderEvent {}
