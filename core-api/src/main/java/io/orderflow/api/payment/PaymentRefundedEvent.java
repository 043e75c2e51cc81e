package io.orderflow.api.payment;

import io.orderflow.api.common.Money;

/** The captured amount was given back. */
public record PaymentRefundedEvent(
        String paymentId, String orderId, Money amount, String providerRefundId, String reason)
        implements PaymentEvent {}
