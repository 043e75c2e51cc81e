package io.orderflow.api.shipping;

import io.orderflow.api.order.OrderEvent;

/** The parcel left the warehouse with the carrier. */
public record ShipmentDispatchedEvent(String shipmentId, String orderId, String carrier, String trackingNumber)
        implements OrderEvent {}
