package io.orderflow.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Undoes the payment, whatever it got to: an authorization is voided, a capture refunded; a payment that holds
 * nothing, or is already undone, is left as it is. The payment decides, because only it knows for certain how far
 * it got when compensation starts.
 */
public record ReversePaymentCommand(
        @TargetAggregateIdentifier String paymentId, String reason) {}
