package io.orderflow.api.order;

/** The order could not be fulfilled. */
public record OrderRejectedEvent(String orderId, String reason) implements OrderEvent {}
