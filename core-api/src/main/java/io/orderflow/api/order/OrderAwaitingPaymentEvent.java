package io.orderflow.api.order;

/** Every line of the order is reserved; its payment is being taken. */
public record OrderAwaitingPaymentEvent(String orderId) implements OrderEvent {}
