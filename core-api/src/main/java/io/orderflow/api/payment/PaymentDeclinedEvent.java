package io.orderflow.api.payment;

/** The provider refused the payment method; a business outcome, not an error. */
public record PaymentDeclinedEvent(String paymentId, String orderId, String declineCode, String reason)
        implements PaymentEvent {}
