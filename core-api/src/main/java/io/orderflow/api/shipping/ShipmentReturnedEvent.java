package io.orderflow.api.shipping;

import io.orderflow.api.order.OrderEvent;

/** The carrier brought a called-back parcel back to the warehouse. */
public record ShipmentReturnedEvent(String shipmentId, String orderId) implements OrderEvent {}
