package io.orderflow.api.payment;

import io.orderflow.api.order.OrderEvent;

/** The provider refused the capture for good (the authorization lapsed, for example). */
public record PaymentCaptureFailedEvent(String paymentId, String orderId, String reason) implements OrderEvent {}
