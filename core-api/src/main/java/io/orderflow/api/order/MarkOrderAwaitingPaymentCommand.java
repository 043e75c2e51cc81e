package io.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Every line is reserved; the order now waits for its payment. */
public record MarkOrderAwaitingPaymentCommand(
        @TargetAggregateIdentifier String orderId) {}
