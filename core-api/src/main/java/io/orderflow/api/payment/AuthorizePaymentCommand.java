package io.orderflow.api.payment;

import io.orderflow.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Authorizes (holds, without capturing) the amount on the payment method. Sent again after a technical failure it
 * tries again with the same idempotency key; once authorized or declined, a repeat is a no-op.
 */
public record AuthorizePaymentCommand(
        @TargetAggregateIdentifier String paymentId, String orderId, Money amount, String paymentMethod) {}
