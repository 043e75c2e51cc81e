package io.orderflow.api.shipping;

/** The carrier brought a called-back parcel back to the warehouse. */
public record ShipmentReturnedEvent(String shipmentId, String orderId) implements ShipmentEvent {}
