package io.orderflow.api.shipping;

/** The parcel left the warehouse with the carrier. */
public record ShipmentDispatchedEvent(String shipmentId, String orderId, String carrier, String trackingNumber)
        implements ShipmentEvent {}
