package io.orderflow.api.payment;

import io.orderflow.api.common.Money;
import io.orderflow.api.order.OrderEvent;

/** The customer must act (for example 3-D Secure) before the payment is authorized; the provider reports back. */
public record PaymentActionRequiredEvent(String paymentId, String orderId, Money amount, String providerPaymentId)
        implements OrderEvent {}
