package io.orderflow.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes the authorized amount; a no-op once captured. */
public record CapturePaymentCommand(
        @TargetAggregateIdentifier String paymentId) {}
