package io.orderflow.api.order;

/** The order is being called off; compensation is running. */
public record OrderCancellationRequestedEvent(String orderId, String reason, String requestedBy)
        implements OrderEvent {}
