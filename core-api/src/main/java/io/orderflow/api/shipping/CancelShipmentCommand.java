package io.orderflow.api.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Calls off the order's parcel: cancels the booking before pick-up, or asks the carrier to bring back a parcel it
 * already has. Answers with the {@link ParcelCallOff} it came to; a repeat changes nothing and answers {@link
 * ParcelCallOff#NOTHING}.
 */
public record CancelShipmentCommand(
        @TargetAggregateIdentifier String shipmentId, String reason) {}
