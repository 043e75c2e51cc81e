package io.orderflow.api.shipping;

import io.orderflow.api.order.OrderEvent;

/** The parcel reached the customer. */
public record ShipmentDeliveredEvent(String shipmentId, String orderId) implements OrderEvent {}
