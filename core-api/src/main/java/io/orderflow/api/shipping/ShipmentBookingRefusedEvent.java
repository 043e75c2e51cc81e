package io.orderflow.api.shipping;

import io.orderflow.api.order.OrderEvent;

/** The carrier will not take the parcel (an address it does not serve, for example). */
public record ShipmentBookingRefusedEvent(String shipmentId, String orderId, String reason) implements OrderEvent {}
