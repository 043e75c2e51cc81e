package io.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order's payment is authorized. */
public record MarkOrderPaidCommand(
        @TargetAggregateIdentifier String orderId, String paymentId) {}
