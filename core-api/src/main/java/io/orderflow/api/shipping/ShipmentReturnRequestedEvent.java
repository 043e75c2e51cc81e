package io.orderflow.api.shipping;

import io.orderflow.api.order.OrderEvent;
import io.orderflow.api.order.ShippingAddress;

/**
 * The parcel was already with the carrier (or the customer) when the order was undone, and the carrier agreed to
 * bring it back; it reports later that it did ({@link ShipmentReturnedEvent}) or could not ({@link
 * ShipmentReturnRefusedEvent}).
 */
public record ShipmentReturnRequestedEvent(
        String shipmentId, String orderId, String carrier, ShippingAddress address, String reason)
        implements OrderEvent {}
