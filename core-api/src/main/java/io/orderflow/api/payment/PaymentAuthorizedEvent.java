package io.orderflow.api.payment;

import io.orderflow.api.common.Money;
import io.orderflow.api.order.OrderEvent;

/** The amount is held on the customer's payment method, ready to be captured. */
public record PaymentAuthorizedEvent(String paymentId, String orderId, Money amount, String providerPaymentId)
        implements OrderEvent {}
