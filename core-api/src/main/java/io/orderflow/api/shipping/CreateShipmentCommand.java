package io.orderflow.api.shipping;

import io.orderflow.api.order.ShippingAddress;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Books a parcel with the carrier; a repeat for a shipment already booked is a no-op. */
public record CreateShipmentCommand(
        @TargetAggregateIdentifier String shipmentId,
        String orderId,
        ShippingAddress address,
        List<ShipmentItem> items) {}
