package io.orderflow.api.shipping;

/** The parcel reached the customer. */
public record ShipmentDeliveredEvent(String shipmentId, String orderId) implements ShipmentEvent {}
