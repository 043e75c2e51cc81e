package io.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The parcel reached the customer. */
public record MarkOrderDeliveredCommand(
        @TargetAggregateIdentifier String orderId) {}
