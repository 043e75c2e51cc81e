package io.orderflow.api.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Calls off a booked parcel before the carrier picks it up; a no-op once cancelled. */
public record CancelShipmentCommand(
        @TargetAggregateIdentifier String shipmentId, String reason) {}
