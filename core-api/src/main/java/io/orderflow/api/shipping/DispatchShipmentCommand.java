package io.orderflow.api.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier reports the parcel picked up; a no-op once dispatched. */
public record DispatchShipmentCommand(
        @TargetAggregateIdentifier String shipmentId) {}
