package io.orderflow.api.order;

/** An operator asked for a step of the order to be tried again. */
public record OrderStepRetryRequestedEvent(String orderId, FulfilmentStep step, String requestedBy)
        implements OrderEvent {}
