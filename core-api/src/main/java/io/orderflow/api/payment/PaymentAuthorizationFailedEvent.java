package io.orderflow.api.payment;

import io.orderflow.api.common.Money;
import io.orderflow.api.order.OrderEvent;

/** The provider could not be reached or failed after retries; the authorization may be tried again. */
public record PaymentAuthorizationFailedEvent(String paymentId, String orderId, Money amount, String reason)
        implements OrderEvent {}
