package io.orderflow.command.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.common.CommandRefusedException;
import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.shipping.CancelShipmentCommand;
import io.orderflow.api.shipping.CreateShipmentCommand;
import io.orderflow.api.shipping.DeliverShipmentCommand;
import io.orderflow.api.shipping.DispatchShipmentCommand;
import io.orderflow.api.shipping.FailShipmentCommand;
import io.orderflow.api.shipping.ShipmentBookingRefusedEvent;
import io.orderflow.api.shipping.ShipmentCancelledEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDeliveredEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.api.shipping.ShipmentFailedEvent;
import io.orderflow.api.shipping.ShipmentItem;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShipmentTest {

    private static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 Analytical St", null, "London", "N1 9GU", "GB");
    private static final List<ShipmentItem> ITEMS = List.of(new ShipmentItem("PROD-001", 2));
    private static final CreateShipmentCommand CREATE = new CreateShipmentCommand("ship-1", "order-1", ADDRESS, ITEMS);
    private static final ShipmentCreatedEvent CREATED =
            new ShipmentCreatedEvent("ship-1", "order-1", "Carrier", "TRACK-1", ADDRESS);
    private static final ShipmentDispatchedEvent DISPATCHED =
            new ShipmentDispatchedEvent("ship-1", "order-1", "Carrier", "TRACK-1");

    private final ScriptedCarrier carrier = new ScriptedCarrier();
    private FixtureConfiguration<Shipment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Shipment.class);
        fixture.registerInjectableResource(carrier);
    }

    @Test
    void booksTheParcelWithTheCarrier() {
        fixture.givenNoPriorActivity().when(CREATE).expectEvents(CREATED);
        assertThat(carrier.calls).containsExactly("book ship-1");
    }

    @Test
    void refusedBookingIsAnEvent() {
        carrier.booking = new Carrier.Booking.Refused("no service to postal code 99999");
        fixture.givenNoPriorActivity()
                .when(CREATE)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ShipmentBookingRefusedEvent("ship-1", "order-1", "no service to postal code 99999"));
    }

    @Test
    void repeatedBookingIsNoOp() {
        fixture.given(CREATED).when(CREATE).expectNoEvents();
        assertThat(carrier.calls).isEmpty();
    }

    @Test
    void refusesAShipmentWithoutItems() {
        fixture.givenNoPriorActivity()
                .when(new CreateShipmentCommand("ship-1", "order-1", ADDRESS, List.of()))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void dispatchIsRecordedOnce() {
        fixture.given(CREATED).when(new DispatchShipmentCommand("ship-1")).expectEvents(DISPATCHED);
    }

    @Test
    void repeatedDispatchIsNoOp() {
        fixture.given(CREATED, DISPATCHED)
                .when(new DispatchShipmentCommand("ship-1"))
                .expectNoEvents();
    }

    @Test
    void deliveryAfterDispatch() {
        fixture.given(CREATED, DISPATCHED)
                .when(new DeliverShipmentCommand("ship-1"))
                .expectEvents(new ShipmentDeliveredEvent("ship-1", "order-1"));
    }

    @Test
    void deliveryReportedBeforeDispatchRecordsBoth() {
        fixture.given(CREATED)
                .when(new DeliverShipmentCommand("ship-1"))
                .expectEvents(DISPATCHED, new ShipmentDeliveredEvent("ship-1", "order-1"));
    }

    @Test
    void repeatedDeliveryIsNoOp() {
        fixture.given(CREATED, DISPATCHED, new ShipmentDeliveredEvent("ship-1", "order-1"))
                .when(new DeliverShipmentCommand("ship-1"))
                .expectNoEvents();
    }

    @Test
    void lostParcelFailsTheShipment() {
        fixture.given(CREATED, DISPATCHED)
                .when(new FailShipmentCommand("ship-1", "lost in transit"))
                .expectEvents(new ShipmentFailedEvent("ship-1", "order-1", "lost in transit"));
    }

    @Test
    void failureOfADeliveredParcelChangesNothing() {
        fixture.given(CREATED, DISPATCHED, new ShipmentDeliveredEvent("ship-1", "order-1"))
                .when(new FailShipmentCommand("ship-1", "lost in transit"))
                .expectNoEvents();
    }

    @Test
    void bookingIsCalledOffBeforePickUp() {
        fixture.given(CREATED)
                .when(new CancelShipmentCommand("ship-1", "cancelled by the customer"))
                .expectEvents(new ShipmentCancelledEvent("ship-1", "order-1", "cancelled by the customer"));
        assertThat(carrier.calls).containsExactly("cancel TRACK-1");
    }

    @Test
    void parcelWithTheCarrierCannotBeCalledOffAndStaysDispatched() {
        fixture.given(CREATED, DISPATCHED)
                .when(new CancelShipmentCommand("ship-1", "cancelled"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void pickUpReportedForACancelledBookingChangesNothing() {
        fixture.given(CREATED, new ShipmentCancelledEvent("ship-1", "order-1", "cancelled"))
                .when(new DispatchShipmentCommand("ship-1"))
                .expectNoEvents();
    }

    @Test
    void refusedBookingCannotBeDispatched() {
        fixture.given(new ShipmentBookingRefusedEvent("ship-1", "order-1", "no service"))
                .when(new DispatchShipmentCommand("ship-1"))
                .expectException(CommandRefusedException.class);
    }

    private static final class ScriptedCarrier implements Carrier {

        final List<String> calls = new ArrayList<>();
        Booking booking = new Booking.Booked("Carrier", "TRACK-1");

        @Override
        public Booking book(BookingRequest request) {
            calls.add("book " + request.shipmentId());
            return booking;
        }

        @Override
        public void cancel(String trackingNumber) {
            calls.add("cancel " + trackingNumber);
        }
    }
}
