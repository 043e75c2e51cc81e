package io.orderflow.command.shipping.simulated;

import io.orderflow.command.shipping.Carrier;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The standalone default carrier. It books every parcel (the tracking number follows from the shipment id, so a
 * repeated booking gets the same one) except to the refused postal code; {@link SimulatedCarrierReports} then
 * reports pick-up and delivery after the configured delays, or a lost parcel for the lost-parcel postal code.
 */
public class SimulatedCarrier implements Carrier {

    public static final String NAME = "OrderFlow Simulated Carrier";

    private final SimulatedCarrierProperties properties;

    public SimulatedCarrier(SimulatedCarrierProperties properties) {
        this.properties = properties;
    }

    @Override
    public Booking book(BookingRequest request) {
        if (properties.refusedPostalCode().equals(request.address().postalCode())) {
            return new Booking.Refused(
                    "no service to postal code " + request.address().postalCode());
        }
        String tracking = UUID.nameUUIDFromBytes(request.shipmentId().getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toUpperCase();
        return new Booking.Booked(NAME, "SIM" + tracking);
    }

    /** A cancelled booking is never picked up: its shipment ignores later pick-up reports. */
    @Override
    public void cancel(String trackingNumber) {}
}
