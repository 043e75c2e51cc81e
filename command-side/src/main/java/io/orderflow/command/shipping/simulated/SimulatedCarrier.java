package io.orderflow.command.shipping.simulated;

import io.orderflow.command.shipping.Carrier;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The standalone default carrier. It books every parcel (the tracking number follows from the shipment id, so a
 * repeated booking gets the same one) except to the refused postal code; {@link SimulatedCarrierReports} then
 * reports pick-up and delivery after the configured delays, or a lost parcel for the lost-parcel postal code. It
 * brings back a parcel it is asked to return, except to the return-refused postal code.
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

    /** A cancelled booking is not picked up: the dispatch report already scheduled for it finds it cancelled. */
    @Override
    public void cancel(String trackingNumber) {}

    /** Calls back any parcel but those to the return-refused postal code; {@link SimulatedCarrierReports} reports it back. */
    @Override
    public ReturnAnswer requestReturn(ReturnRequest request) {
        if (properties.returnRefusedPostalCode().equals(request.address().postalCode())) {
            return new ReturnAnswer.Refused("the carrier cannot call back parcels to postal code "
                    + request.address().postalCode());
        }
        return new ReturnAnswer.Accepted();
    }
}
