package io.orderflow.api.order;

/** The order was not paid before its deadline. */
public record OrderExpiredEvent(String orderId, String reason) implements OrderEvent {}
