package io.orderflow.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What the payment provider reports about a payment on its own (a Stripe webhook). Applied only when it is news:
 * the same outcome reported twice, or an outcome the payment already moved past, changes nothing.
 */
public record RecordPaymentOutcomeCommand(
        @TargetAggregateIdentifier String paymentId,
        String providerPaymentId,
        PaymentOutcome outcome,
        String declineCode,
        String reason) {}
