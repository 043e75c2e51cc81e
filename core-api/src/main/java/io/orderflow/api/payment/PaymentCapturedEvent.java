package io.orderflow.api.payment;

import io.orderflow.api.common.Money;
import io.orderflow.api.order.OrderEvent;

/** The authorized amount was taken. */
public record PaymentCapturedEvent(String paymentId, String orderId, Money amount) implements OrderEvent {}
