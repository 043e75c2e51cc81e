package io.orderflow.api.order;

/** The order is complete. */
public record OrderDeliveredEvent(String orderId) implements OrderEvent {}
