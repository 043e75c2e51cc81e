package io.orderflow.api.shipping;

/** The carrier will not take the parcel (an address it does not serve, for example). */
public record ShipmentBookingRefusedEvent(String shipmentId, String orderId, String reason) implements ShipmentEvent {}
