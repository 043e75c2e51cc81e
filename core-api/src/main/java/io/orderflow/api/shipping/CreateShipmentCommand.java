package io.orderflow.api.shipping;

import io.orderflow.api.order.ShippingAddress;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Books a parcel with the carrier; a repeat for a shipment already booked is a no-op. */
public record CreateShipmentCommand(@TargetAggregateIdentifier String shipmentId, String orderId,
                                    ShippingAddress address, List<ShipmentItem> items) {
}
