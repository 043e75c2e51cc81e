package io.orderflow.api.order;

/** The order's payment is authorized; it is ready to ship. */
public record OrderPaidEvent(String orderId, String paymentId) implements OrderEvent {}
