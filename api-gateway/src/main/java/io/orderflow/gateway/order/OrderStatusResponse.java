package io.orderflow.gateway.order;

import io.orderflow.api.order.OrderStatus;

/** The answer to placing or cancelling an order: which order, and the status it is in now. */
record OrderStatusResponse(String orderId, OrderStatus status) {}
