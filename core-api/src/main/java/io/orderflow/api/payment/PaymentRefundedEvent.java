package io.orderflow.api.payment;

import io.orderflow.api.common.Money;
import io.orderflow.api.order.OrderEvent;

/** The captured amount was given back. */
public record PaymentRefundedEvent(
        String paymentId, String orderId, Money amount, String providerRefundId, String reason) implements OrderEvent {}
