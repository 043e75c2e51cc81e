package io.orderflow.api.payment;

/** The authorization was released; the customer was never charged. */
public record PaymentVoidedEvent(String paymentId, String orderId, String reason) implements PaymentEvent {}
