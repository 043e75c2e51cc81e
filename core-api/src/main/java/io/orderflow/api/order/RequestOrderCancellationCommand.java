package io.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A customer or an operator wants the order called off. Allowed until the parcel is dispatched (an operator forcing
 * compensation may also call off a shipped order); the fulfilment saga then undoes what was done.
 *
 * @param requestedBy who asks: the customer's id, or the operator's
 * @param operator    the request comes from an operator, who may call off any customer's order; a customer may call
 *                    off only its own, and another's answers as if it did not exist
 * @param forced      an operator's compensation, which may call off a dispatched order too
 */
public record RequestOrderCancellationCommand(
        @TargetAggregateIdentifier String orderId,
        String reason,
        String requestedBy,
        boolean operator,
        boolean forced) {}
