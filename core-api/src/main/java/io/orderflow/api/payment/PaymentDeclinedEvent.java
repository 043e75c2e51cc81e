package io.orderflow.api.payment;

import io.orderflow.api.order.OrderEvent;

/** The provider refused the payment method; a business outcome, not an error. */
public record PaymentDeclinedEvent(String paymentId, String orderId, String declineCode, String reason)
        implements OrderEvent {}
