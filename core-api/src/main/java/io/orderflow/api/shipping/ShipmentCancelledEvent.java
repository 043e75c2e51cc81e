package io.orderflow.api.shipping;

import io.orderflow.api.order.OrderEvent;

/** The booking was called off before dispatch. */
public record ShipmentCancelledEvent(String shipmentId, String orderId, String reason) implements OrderEvent {}
