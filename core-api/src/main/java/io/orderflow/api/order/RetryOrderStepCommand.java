package io.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator asks for a stalled step of the order to be tried again now. */
public record RetryOrderStepCommand(
        @TargetAggregateIdentifier String orderId, FulfilmentStep step, String requestedBy) {}
