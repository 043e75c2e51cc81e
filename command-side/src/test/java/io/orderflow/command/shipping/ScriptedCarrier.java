package io.orderflow.command.shipping;

import java.util.ArrayList;
import java.util.List;

/** A carrier that answers as a test scripts it and records what it was asked. */
public final class ScriptedCarrier implements Carrier {

    public final List<String> calls = new ArrayList<>();
    public Booking booking = new Booking.Booked("Carrier", "TRACK-1");
    public ReturnAnswer returnAnswer = new ReturnAnswer.Accepted();

    @Override
    public Booking book(BookingRequest request) {
        calls.add("book " + request.shipmentId());
        return booking;
    }

    @Override
    public void cancel(String trackingNumber) {
        calls.add("cancel " + trackingNumber);
    }

    @Override
    public ReturnAnswer requestReturn(ReturnRequest request) {
        calls.add("return " + request.trackingNumber() + " " + request.address().postalCode());
        return returnAnswer;
    }
}
