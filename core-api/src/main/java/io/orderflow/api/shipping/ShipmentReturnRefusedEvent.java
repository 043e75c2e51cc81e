package io.orderflow.api.shipping;

import io.orderflow.api.order.OrderEvent;

/**
 * The carrier cannot bring a called-back parcel back, either when asked or after trying: the parcel is out of the
 * shop's hands, and an operator has to settle it with the customer.
 */
public record ShipmentReturnRefusedEvent(String shipmentId, String orderId, String reason) implements OrderEvent {}
