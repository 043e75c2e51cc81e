package io.orderflow.api.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier reports that the parcel cannot be delivered (lost, damaged, refused). */
public record FailShipmentCommand(@TargetAggregateIdentifier String shipmentId, String reason) {}
