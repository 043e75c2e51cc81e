package io.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The parcel is with the carrier and the payment captured. */
public record MarkOrderShippedCommand(
        @TargetAggregateIdentifier String orderId, String shipmentId, String carrier, String trackingNumber) {}
