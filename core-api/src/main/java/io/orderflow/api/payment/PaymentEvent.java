package io.orderflow.api.payment;

import io.orderflow.api.order.OrderEvent;

/** An event of one payment, named by its id. */
public interface PaymentEvent extends OrderEvent {

    String paymentId();
}
