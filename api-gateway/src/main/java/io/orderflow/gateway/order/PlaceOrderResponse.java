package io.orderflow.gateway.order;

import io.orderflow.api.order.OrderStatus;

/** The answer to {@code POST /api/orders}. */
record PlaceOrderResponse(String orderId, OrderStatus status) {
}
