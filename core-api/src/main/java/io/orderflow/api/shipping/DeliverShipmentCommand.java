package io.orderflow.api.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier reports the parcel delivered; a no-op once delivered. */
public record DeliverShipmentCommand(
        @TargetAggregateIdentifier String shipmentId) {}
