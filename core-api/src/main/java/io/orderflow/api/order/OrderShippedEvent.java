package io.orderflow.api.order;

/** The parcel is with the carrier and the payment was captured. */
public record OrderShippedEvent(String orderId, String shipmentId, String carrier, String trackingNumber)
        implements OrderEvent {}
