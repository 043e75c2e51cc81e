package io.orderflow.command.shipping;

import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.shipping.ShipmentItem;
import java.util.List;

/**
 * The carrier, as the {@link Shipment} aggregate needs it. Booking is idempotent by shipment id: booking the same
 * shipment again returns the same tracking number. The carrier reports dispatch, delivery, failure and returns
 * later, as commands to the shipment. A carrier that cannot be reached throws {@link CarrierUnavailableException}.
 */
public interface Carrier {

    Booking book(BookingRequest request);

    /** Calls off a booking before pick-up. */
    void cancel(String trackingNumber);

    /**
     * Asks the carrier to bring back a parcel it has picked up (or delivered). The carrier answers at once whether it
     * will try, and reports later that the parcel came back, or that it could not bring it back.
     */
    ReturnAnswer requestReturn(ReturnRequest request);

    record BookingRequest(String shipmentId, String orderId, ShippingAddress address, List<ShipmentItem> items) {}

    record ReturnRequest(String shipmentId, String trackingNumber, ShippingAddress address) {}

    sealed interface ReturnAnswer {

        record Accepted() implements ReturnAnswer {}

        record Refused(String reason) implements ReturnAnswer {}
    }

    sealed interface Booking {

        record Booked(String carrier, String trackingNumber) implements Booking {}

        record Refused(String reason) implements Booking {}
    }
}
