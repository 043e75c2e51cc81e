package io.orderflow.api.shipping;

import io.orderflow.api.order.OrderEvent;

/** An event of one parcel, named by its id. */
public interface ShipmentEvent extends OrderEvent {

    String shipmentId();
}
