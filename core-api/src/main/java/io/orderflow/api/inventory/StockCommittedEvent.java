package io.orderflow.api.inventory;

import io.orderflow.api.order.OrderEvent;

/** An order's reserved units left the stock for good; the stock levels are those after. */
public record StockCommittedEvent(String productId, String orderId, int quantity, int stockAvailable, int stockReserved)
        implements OrderEvent {}
