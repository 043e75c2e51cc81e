package io.orderflow.api.shipping;

/** The parcel will not reach the customer. */
public record ShipmentFailedEvent(String shipmentId, String orderId, String reason) implements ShipmentEvent {}
