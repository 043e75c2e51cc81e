package io.orderflow.api.order;

/** The order was called off and everything done for it undone. */
public record OrderCancelledEvent(String orderId, String reason) implements OrderEvent {}
