package io.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A customer or an operator wants the order called off. Allowed until the parcel is dispatched (an operator forcing
 * compensation may also call off a shipped order); the fulfilment saga then undoes what was done.
 */
public record RequestOrderCancellationCommand(@TargetAggregateIdentifier String orderId, String reason,
                                              String requestedBy, boolean forced) {
}
