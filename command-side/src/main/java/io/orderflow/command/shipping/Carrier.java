package io.orderflow.command.shipping;

import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.shipping.ShipmentItem;
import java.util.List;

/**
 * The carrier, as the {@link Shipment} aggregate needs it. Booking is idempotent by shipment id: booking the same
 * shipment again returns the same tracking number. The carrier reports dispatch, delivery and failure later, as
 * commands to the shipment. A carrier that cannot be reached throws {@link CarrierUnavailableException}.
 */
public interface Carrier {

    Booking book(BookingRequest request);

    /** Calls off a booking before pick-up. */
    void cancel(String trackingNumber);

    record BookingRequest(String shipmentId, String orderId, ShippingAddress address, List<ShipmentItem> items) {}

    sealed interface Booking {

        record Booked(String carrier, String trackingNumber) implements Booking {}

        record Refused(String reason) implements Booking {}
    }
}
