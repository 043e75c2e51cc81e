package io.orderflow.api.shipping;

import io.orderflow.api.order.OrderEvent;

/** The parcel will not reach the customer. */
public record ShipmentFailedEvent(String shipmentId, String orderId, String reason) implements OrderEvent {}
