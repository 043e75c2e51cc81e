package io.orderflow.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What the payment provider reports about a payment on its own (a Stripe webhook, or the simulated provider's
 * report of a customer's authentication). Applied only when it is news: the same outcome reported twice, or an
 * outcome the payment already moved past, changes nothing. Answers {@code true} when it changed the payment.
 */
public record RecordPaymentOutcomeCommand(
        @TargetAggregateIdentifier String paymentId,
        String providerPaymentId,
        PaymentOutcome outcome,
        String declineCode,
        String reason) {}
