package io.orderflow.api.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier reports a called-back parcel returned; a no-op unless a return is under way. */
public record ConfirmShipmentReturnCommand(
        @TargetAggregateIdentifier String shipmentId) {}
