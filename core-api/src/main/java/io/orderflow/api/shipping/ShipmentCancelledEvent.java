package io.orderflow.api.shipping;

/** The booking was called off before dispatch. */
public record ShipmentCancelledEvent(String shipmentId, String orderId, String reason) implements ShipmentEvent {}
