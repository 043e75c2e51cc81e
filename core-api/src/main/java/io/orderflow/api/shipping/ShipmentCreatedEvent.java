package io.orderflow.api.shipping;

import io.orderflow.api.order.OrderEvent;
import io.orderflow.api.order.ShippingAddress;

/** The carrier accepted the parcel for the address and gave it a tracking number. */
public record ShipmentCreatedEvent(
        String shipmentId, String orderId, String carrier, String trackingNumber, ShippingAddress address)
        implements OrderEvent {}
