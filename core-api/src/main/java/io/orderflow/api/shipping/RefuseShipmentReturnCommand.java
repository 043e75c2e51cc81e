package io.orderflow.api.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier reports that it could not bring a called-back parcel back; a no-op unless a return is under way. */
public record RefuseShipmentReturnCommand(
        @TargetAggregateIdentifier String shipmentId, String reason) {}
