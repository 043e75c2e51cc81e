package io.orderflow.command.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.common.CommandRefusedException;
import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.shipping.CancelShipmentCommand;
import io.orderflow.api.shipping.ConfirmShipmentReturnCommand;
import io.orderflow.api.shipping.CreateShipmentCommand;
import io.orderflow.api.shipping.DeliverShipmentCommand;
import io.orderflow.api.shipping.DispatchShipmentCommand;
import io.orderflow.api.shipping.FailShipmentCommand;
import io.orderflow.api.shipping.ParcelCallOff;
import io.orderflow.api.shipping.RefuseShipmentReturnCommand;
import io.orderflow.api.shipping.ShipmentBookingRefusedEvent;
import io.orderflow.api.shipping.ShipmentCancelledEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDeliveredEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.api.shipping.ShipmentFailedEvent;
import io.orderflow.api.shipping.ShipmentItem;
import io.orderflow.api.shipping.ShipmentReturnRefusedEvent;
import io.orderflow.api.shipping.ShipmentReturnRequestedEvent;
import io.orderflow.api.shipping.ShipmentReturnedEvent;
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

    private static final ShipmentReturnRequestedEvent RETURN_REQUESTED =
            new ShipmentReturnRequestedEvent("ship-1", "order-1", "Carrier", ADDRESS, "payment could not be captured");

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
    void bookingCalledOffBeforePickUpIsCancelled() {
        fixture.given(CREATED)
                .when(new CancelShipmentCommand("ship-1", "cancelled"))
                .expectEvents(new ShipmentCancelledEvent("ship-1", "order-1", "cancelled"))
                .expectResultMessagePayload(ParcelCallOff.CANCELLED);
        assertThat(carrier.calls).containsExactly("cancel TRACK-1");
    }

    @Test
    void parcelWithTheCarrierIsCalledBack() {
        fixture.given(CREATED, DISPATCHED)
                .when(new CancelShipmentCommand("ship-1", "payment could not be captured"))
                .expectEvents(RETURN_REQUESTED)
                .expectResultMessagePayload(ParcelCallOff.RETURN_REQUESTED);
        assertThat(carrier.calls).containsExactly("return TRACK-1 N1 9GU");
    }

    @Test
    void deliveredParcelIsCalledBackToo() {
        fixture.given(CREATED, DISPATCHED, new ShipmentDeliveredEvent("ship-1", "order-1"))
                .when(new CancelShipmentCommand("ship-1", "payment could not be captured"))
                .expectEvents(RETURN_REQUESTED);
    }

    @Test
    void carrierThatCannotCallTheParcelBackSaysSo() {
        carrier.returnAnswer = new Carrier.ReturnAnswer.Refused("no returns from this depot");
        fixture.given(CREATED, DISPATCHED)
                .when(new CancelShipmentCommand("ship-1", "payment could not be captured"))
                .expectEvents(new ShipmentReturnRefusedEvent("ship-1", "order-1", "no returns from this depot"))
                .expectResultMessagePayload(ParcelCallOff.RETURN_REFUSED);
    }

    @Test
    void callingOffAgainChangesNothing() {
        fixture.given(CREATED, DISPATCHED, RETURN_REQUESTED)
                .when(new CancelShipmentCommand("ship-1", "cancelled"))
                .expectNoEvents()
                .expectResultMessagePayload(ParcelCallOff.NOTHING);
        assertThat(carrier.calls).isEmpty();
    }

    @Test
    void pickUpReportedAfterTheBookingWasCancelledIsUndone() {
        fixture.given(CREATED, new ShipmentCancelledEvent("ship-1", "order-1", "cancelled"))
                .when(new DispatchShipmentCommand("ship-1"))
                .expectEvents(
                        DISPATCHED,
                        new ShipmentReturnRequestedEvent(
                                "ship-1", "order-1", "Carrier", ADDRESS, "picked up after its booking was cancelled"));
    }

    @Test
    void carrierReportsTheParcelBackOnce() {
        fixture.given(CREATED, DISPATCHED, RETURN_REQUESTED)
                .when(new ConfirmShipmentReturnCommand("ship-1"))
                .expectEvents(new ShipmentReturnedEvent("ship-1", "order-1"));
        fixture.given(CREATED, DISPATCHED, RETURN_REQUESTED, new ShipmentReturnedEvent("ship-1", "order-1"))
                .when(new ConfirmShipmentReturnCommand("ship-1"))
                .expectNoEvents();
    }

    @Test
    void parcelLostOnItsWayBackIsAReturnThatFailed() {
        fixture.given(CREATED, DISPATCHED, RETURN_REQUESTED)
                .when(new FailShipmentCommand("ship-1", "carrier reported: damaged"))
                .expectEvents(new ShipmentReturnRefusedEvent(
                        "ship-1", "order-1", "lost on its way back: carrier reported: damaged"));
        fixture.given(CREATED, DISPATCHED, RETURN_REQUESTED)
                .when(new RefuseShipmentReturnCommand("ship-1", "the customer kept it"))
                .expectEvents(new ShipmentReturnRefusedEvent("ship-1", "order-1", "the customer kept it"));
    }

    @Test
    void deliveryReportedWhileTheParcelIsCalledBackChangesNothing() {
        fixture.given(CREATED, DISPATCHED, RETURN_REQUESTED)
                .when(new DeliverShipmentCommand("ship-1"))
                .expectNoEvents();
    }

    @Test
    void refusedBookingCannotBeDispatched() {
        fixture.given(new ShipmentBookingRefusedEvent("ship-1", "order-1", "no service"))
                .when(new DispatchShipmentCommand("ship-1"))
                .expectException(CommandRefusedException.class);
    }
}
