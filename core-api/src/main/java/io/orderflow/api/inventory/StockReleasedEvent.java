package io.orderflow.api.inventory;

import io.orderflow.api.order.OrderEvent;

/** An order's reservation was given back; the stock levels are those after the release. */
public record StockReleasedEvent(String productId, String orderId, int quantity, int stockAvailable, int stockReserved)
        implements OrderEvent {}
