package io.orderflow.api.payment;

import io.orderflow.api.order.OrderEvent;

/** The authorization was released; the customer was never charged. */
public record PaymentVoidedEvent(String paymentId, String orderId, String reason) implements OrderEvent {}
