package io.orderflow.command.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.orderflow.api.common.CommandRefusedException;
import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.common.Money;
import io.orderflow.api.order.CancelOrderCommand;
import io.orderflow.api.order.DerivedIds;
import io.orderflow.api.order.ExpireOrderCommand;
import io.orderflow.api.order.FulfilmentStep;
import io.orderflow.api.order.MarkOrderAwaitingPaymentCommand;
import io.orderflow.api.order.MarkOrderDeliveredCommand;
import io.orderflow.api.order.MarkOrderPaidCommand;
import io.orderflow.api.order.MarkOrderShippedCommand;
import io.orderflow.api.order.OrderAwaitingPaymentEvent;
import io.orderflow.api.order.OrderCancellationRequestedEvent;
import io.orderflow.api.order.OrderCancelledEvent;
import io.orderflow.api.order.OrderDeliveredEvent;
import io.orderflow.api.order.OrderExpiredEvent;
import io.orderflow.api.order.OrderLine;
import io.orderflow.api.order.OrderPaidEvent;
import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.OrderRejectedEvent;
import io.orderflow.api.order.OrderShippedEvent;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.api.order.OrderStepRetryRequestedEvent;
import io.orderflow.api.order.OrderTransitionRefusedException;
import io.orderflow.api.order.PlaceOrderCommand;
import io.orderflow.api.order.RejectOrderCommand;
import io.orderflow.api.order.RequestOrderCancellationCommand;
import io.orderflow.api.order.RetryOrderStepCommand;
import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.shipping.ShipmentCancelledEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.command.shipping.ScriptedCarrier;
import io.orderflow.command.shipping.Shipment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AbstractRepository;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OrderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration PAYMENT_TIMEOUT = Duration.ofMinutes(15);
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 Analytical St", null, "London", "N1 9GU", "GB");
    private static final OrderLine HEADPHONES =
            new OrderLine("PROD-001", "Wireless Headphones", 2, Money.of("79.99", "USD"));
    private static final OrderLine HUB = new OrderLine("PROD-003", "USB-C Hub", 1, Money.of("34.99", "USD"));

    private static final String SHIPMENT = DerivedIds.shipmentOf("order-1");

    private FixtureConfiguration<Order> fixture;
    private final ScriptedCarrier carrier = new ScriptedCarrier();
    /** The order's parcel, in an event store of its own: cancellations settle with it. */
    private final EventStore shipmentEvents = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(new OrderPolicy(PAYMENT_TIMEOUT, Clock.fixed(NOW, ZoneOffset.UTC)));
        Repository<Shipment> shipments = EventSourcingRepository.builder(Shipment.class)
                .eventStore(shipmentEvents)
                .build();
        fixture.registerAnnotatedCommandHandler(
                new OrderCancellations(fixture.getRepository(), shipments, shipmentEvents, carrier));
    }

    private void parcel(Object... events) {
        for (int i = 0; i < events.length; i++) {
            shipmentEvents.publish(new GenericDomainEventMessage<>("Shipment", SHIPMENT, i, events[i]));
        }
    }

    private List<Object> parcelStory() {
        return shipmentEvents
                .readEvents(SHIPMENT)
                .asStream()
                .map(event -> (Object) event.getPayload())
                .toList();
    }

    private static PlaceOrderCommand place(List<OrderLine> lines) {
        return new PlaceOrderCommand("order-1", "customer-1", lines, ADDRESS, "pm_card_visa");
    }

    private static OrderPlacedEvent placed() {
        return new OrderPlacedEvent(
                "order-1",
                "customer-1",
                List.of(HEADPHONES, HUB),
                Money.of("194.97", "USD"),
                ADDRESS,
                "pm_card_visa",
                NOW,
                NOW.plus(PAYMENT_TIMEOUT));
    }

    @Test
    void placesOrderWithTotalOfItsLinesAndPaymentDeadline() {
        fixture.givenNoPriorActivity()
                .when(place(List.of(HEADPHONES, HUB)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload("order-1")
                .expectEvents(placed());
    }

    @Test
    void placedOrderStartsInCreatedState() {
        fixture.givenNoPriorActivity()
                .when(place(List.of(HEADPHONES)))
                .expectState(order -> assertThat(order).hasFieldOrPropertyWithValue("status", OrderStatus.CREATED));
    }

    @Test
    void repeatedPlacementWithSameRequestIsNoOp() {
        fixture.given(placed())
                .when(place(List.of(HUB, HEADPHONES)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload("order-1")
                .expectNoEvents();
    }

    @Test
    void repeatedPlacementAtNewCatalogPriceIsStillTheSameRequest() {
        var repricedHub = new OrderLine("PROD-003", "USB-C Hub", 1, Money.of("29.99", "USD"));
        fixture.given(placed())
                .when(place(List.of(HEADPHONES, repricedHub)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesReuseOfIdempotencyKeyForDifferentItems() {
        fixture.given(placed())
                .when(place(List.of(HEADPHONES)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(Matchers.containsString("already placed with this idempotency key"))
                .expectNoEvents();
    }

    @Test
    void refusesReuseOfIdempotencyKeyForDifferentAddress() {
        var elsewhere = new ShippingAddress("Ada Lovelace", "1 Other Rd", null, "Leeds", "LS1 1AA", "GB");
        fixture.given(placed())
                .when(new PlaceOrderCommand(
                        "order-1", "customer-1", List.of(HEADPHONES, HUB), elsewhere, "pm_card_visa"))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsOrderWithoutLines() {
        fixture.givenNoPriorActivity()
                .when(place(List.of()))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("An order needs at least one line")
                .expectNoEvents();
    }

    @Test
    void rejectsQuantityBelowOne() {
        fixture.givenNoPriorActivity()
                .when(place(List.of(new OrderLine("PROD-001", "Wireless Headphones", 0, Money.of("79.99", "USD")))))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsQuantityAboveMaximum() {
        fixture.givenNoPriorActivity()
                .when(place(
                        List.of(new OrderLine("PROD-001", "Wireless Headphones", 10_000, Money.of("79.99", "USD")))))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("Quantity of PROD-001 must be between 1 and 9999, was 10000")
                .expectNoEvents();
    }

    @Test
    void acceptsMaximumQuantity() {
        var line = new OrderLine("PROD-001", "Wireless Headphones", 9999, Money.of("79.99", "USD"));
        fixture.givenNoPriorActivity()
                .when(place(List.of(line)))
                .expectEvents(new OrderPlacedEvent(
                        "order-1",
                        "customer-1",
                        List.of(line),
                        Money.of("799820.01", "USD"),
                        ADDRESS,
                        "pm_card_visa",
                        NOW,
                        NOW.plus(PAYMENT_TIMEOUT)));
    }

    @Test
    void rejectsTheSameProductOnTwoLines() {
        fixture.givenNoPriorActivity()
                .when(place(List.of(HEADPHONES, HEADPHONES)))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("Product PROD-001 appears on more than one line")
                .expectNoEvents();
    }

    @Test
    void rejectsLineWithoutPositivePrice() {
        fixture.givenNoPriorActivity()
                .when(place(List.of(new OrderLine("PROD-001", "Wireless Headphones", 1, Money.zero("USD")))))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsLinesInDifferentCurrencies() {
        fixture.givenNoPriorActivity()
                .when(place(List.of(HEADPHONES, new OrderLine("PROD-003", "USB-C Hub", 1, Money.of("34.99", "EUR")))))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("All lines of an order must be in one currency")
                .expectNoEvents();
    }

    @Test
    void rejectsOrderWithoutCustomer() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand("order-1", " ", List.of(HEADPHONES), ADDRESS, "pm_card_visa"))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsOrderWithoutShippingAddress() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand("order-1", "customer-1", List.of(HEADPHONES), null, "pm_card_visa"))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("An order needs a shipping address")
                .expectNoEvents();
    }

    private static final OrderAwaitingPaymentEvent AWAITING = new OrderAwaitingPaymentEvent("order-1");
    private static final OrderPaidEvent PAID = new OrderPaidEvent("order-1", "pay-1");
    private static final OrderShippedEvent SHIPPED = new OrderShippedEvent("order-1", "ship-1", "Carrier", "TRACK-1");
    private static final OrderCancellationRequestedEvent CANCELLING =
            new OrderCancellationRequestedEvent("order-1", "cancelled by the customer", "customer-1");
    private static final ShipmentCreatedEvent PARCEL_BOOKED =
            new ShipmentCreatedEvent(SHIPMENT, "order-1", "Carrier", "TRACK-1", ADDRESS);
    private static final RequestOrderCancellationCommand CUSTOMER_CANCELS =
            new RequestOrderCancellationCommand("order-1", "cancelled by the customer", "customer-1", false, false);

    @Test
    void reservedOrderAwaitsPayment() {
        fixture.given(placed())
                .when(new MarkOrderAwaitingPaymentCommand("order-1"))
                .expectEvents(AWAITING);
    }

    @Test
    void repeatedProgressIsNoOp() {
        fixture.given(placed(), AWAITING, PAID)
                .when(new MarkOrderPaidCommand("order-1", "pay-1"))
                .expectNoEvents();
    }

    @Test
    void orderIsPaidAfterItsStockIsReserved() {
        fixture.given(placed(), AWAITING)
                .when(new MarkOrderPaidCommand("order-1", "pay-1"))
                .expectEvents(PAID);
    }

    @Test
    void refusesPaymentBeforeStockIsReserved() {
        fixture.given(placed())
                .when(new MarkOrderPaidCommand("order-1", "pay-1"))
                .expectException(OrderTransitionRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void paidOrderShipsAndIsDelivered() {
        fixture.given(placed(), AWAITING, PAID)
                .when(new MarkOrderShippedCommand("order-1", "ship-1", "Carrier", "TRACK-1"))
                .expectEvents(SHIPPED);
        fixture.given(placed(), AWAITING, PAID, SHIPPED)
                .when(new MarkOrderDeliveredCommand("order-1"))
                .expectEvents(new OrderDeliveredEvent("order-1"));
    }

    @Test
    void refusesShippingAnUnpaidOrder() {
        fixture.given(placed(), AWAITING)
                .when(new MarkOrderShippedCommand("order-1", "ship-1", "Carrier", "TRACK-1"))
                .expectException(OrderTransitionRefusedException.class);
    }

    @Test
    void refusesDeliveringAnOrderThatDidNotShip() {
        fixture.given(placed(), AWAITING, PAID)
                .when(new MarkOrderDeliveredCommand("order-1"))
                .expectException(OrderTransitionRefusedException.class);
    }

    @Test
    void customerCancelsBeforePayment() {
        fixture.given(placed(), AWAITING).when(CUSTOMER_CANCELS).expectEvents(CANCELLING);
    }

    @Test
    void aCancellationBeforeTheParcelIsBookedLogsNoWarning() {
        var warnings = new ListAppender<ILoggingEvent>();
        warnings.start();
        var repositoryLog = (Logger) LoggerFactory.getLogger(AbstractRepository.class);
        repositoryLog.addAppender(warnings);
        try {
            fixture.given(placed(), AWAITING).when(CUSTOMER_CANCELS).expectEvents(CANCELLING);
        } finally {
            repositoryLog.detachAppender(warnings);
        }

        assertThat(warnings.list)
                .as("no failed load of a parcel that was never booked")
                .isEmpty();
    }

    @Test
    void customerCancelsAfterPaymentBeforeDispatch() {
        fixture.given(placed(), AWAITING, PAID).when(CUSTOMER_CANCELS).expectEvents(CANCELLING);
    }

    @Test
    void cancellationCallsOffTheParcelTheCarrierHasNotPickedUp() {
        parcel(PARCEL_BOOKED);
        fixture.given(placed(), AWAITING, PAID).when(CUSTOMER_CANCELS).expectEvents(CANCELLING);
        assertThat(parcelStory())
                .containsExactly(
                        PARCEL_BOOKED, new ShipmentCancelledEvent(SHIPMENT, "order-1", "cancelled by the customer"));
        assertThat(carrier.calls).containsExactly("cancel TRACK-1");
    }

    @Test
    void cancellationIsRefusedOnceTheCarrierHasTheParcel() {
        parcel(PARCEL_BOOKED, new ShipmentDispatchedEvent(SHIPMENT, "order-1", "Carrier", "TRACK-1"));
        fixture.given(placed(), AWAITING, PAID)
                .when(CUSTOMER_CANCELS)
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(Matchers.containsString("the carrier picked its parcel up"))
                .expectNoEvents();
        assertThat(parcelStory()).hasSize(2);
        assertThat(carrier.calls).isEmpty();
    }

    @Test
    void strangersCancellationLeavesTheParcelAlone() {
        parcel(PARCEL_BOOKED);
        fixture.given(placed(), AWAITING, PAID)
                .when(new RequestOrderCancellationCommand(
                        "order-1", "cancelled by the customer", "customer-2", false, false))
                .expectException(AggregateNotFoundException.class);
        assertThat(parcelStory()).containsExactly(PARCEL_BOOKED);
        assertThat(carrier.calls).isEmpty();
    }

    @Test
    void forcedCompensationLeavesTheParcelToTheSaga() {
        parcel(PARCEL_BOOKED, new ShipmentDispatchedEvent(SHIPMENT, "order-1", "Carrier", "TRACK-1"));
        fixture.given(placed(), AWAITING, PAID)
                .when(new RequestOrderCancellationCommand("order-1", "fraud check", "operator", true, true))
                .expectEvents(new OrderCancellationRequestedEvent("order-1", "fraud check", "operator"));
        assertThat(parcelStory()).hasSize(2);
    }

    @Test
    void customerCannotCancelADispatchedOrder() {
        fixture.given(placed(), AWAITING, PAID, SHIPPED)
                .when(CUSTOMER_CANCELS)
                .expectException(OrderTransitionRefusedException.class)
                .expectExceptionMessage(Matchers.containsString("already been dispatched"))
                .expectNoEvents();
    }

    @Test
    void anotherCustomersCancellationIsAnsweredAsIfTheOrderDidNotExist() {
        fixture.given(placed(), AWAITING)
                .when(new RequestOrderCancellationCommand(
                        "order-1", "cancelled by the customer", "customer-2", false, false))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void operatorCancelsAnyCustomersOrder() {
        fixture.given(placed(), AWAITING)
                .when(new RequestOrderCancellationCommand(
                        "order-1", "cancelled by an operator", "operator", true, false))
                .expectEvents(new OrderCancellationRequestedEvent("order-1", "cancelled by an operator", "operator"));
    }

    @Test
    void operatorCanForceCompensationOfADispatchedOrder() {
        fixture.given(placed(), AWAITING, PAID, SHIPPED)
                .when(new RequestOrderCancellationCommand(
                        "order-1", "cancelled by an operator", "operator", true, true))
                .expectEvents(new OrderCancellationRequestedEvent("order-1", "cancelled by an operator", "operator"));
    }

    @Test
    void cannotCancelAFinishedOrder() {
        fixture.given(placed(), AWAITING, PAID, SHIPPED, new OrderDeliveredEvent("order-1"))
                .when(new RequestOrderCancellationCommand(
                        "order-1", "cancelled by an operator", "operator", true, true))
                .expectException(OrderTransitionRefusedException.class)
                .expectExceptionMessage(Matchers.containsString("order-1 is DELIVERED and can no longer be cancelled"));
    }

    @Test
    void repeatedCancellationIsNoOp() {
        fixture.given(placed(), CANCELLING).when(CUSTOMER_CANCELS).expectNoEvents();
    }

    @Test
    void progressOvertakenByACancellationChangesNothing() {
        fixture.given(placed(), AWAITING, CANCELLING)
                .when(new MarkOrderPaidCommand("order-1", "pay-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cancellationEndsTheOrderWithItsReason() {
        fixture.given(placed(), AWAITING, CANCELLING)
                .when(new CancelOrderCommand("order-1", "cancelled by the customer"))
                .expectEvents(new OrderCancelledEvent("order-1", "cancelled by the customer"));
    }

    @Test
    void outOfStockOrderIsRejected() {
        fixture.given(placed())
                .when(new RejectOrderCommand("order-1", "out of stock"))
                .expectEvents(new OrderRejectedEvent("order-1", "out of stock"));
    }

    @Test
    void finalVerdictIsGivenOnce() {
        fixture.given(placed(), new OrderRejectedEvent("order-1", "out of stock"))
                .when(new CancelOrderCommand("order-1", "cancelled"))
                .expectNoEvents();
    }

    @Test
    void unpaidOrderExpires() {
        fixture.given(placed(), AWAITING)
                .when(new ExpireOrderCommand("order-1"))
                .expectEvents(new OrderExpiredEvent("order-1", "not paid by " + NOW.plus(PAYMENT_TIMEOUT)));
    }

    @Test
    void paidOrderCannotExpire() {
        fixture.given(placed(), AWAITING, PAID)
                .when(new ExpireOrderCommand("order-1"))
                .expectException(OrderTransitionRefusedException.class);
    }

    @Test
    void operatorRetriesAStalledStep() {
        fixture.given(placed(), AWAITING)
                .when(new RetryOrderStepCommand("order-1", FulfilmentStep.PAYMENT, "operator"))
                .expectEvents(new OrderStepRetryRequestedEvent("order-1", FulfilmentStep.PAYMENT, "operator"));
    }

    @Test
    void nothingToRetryOnAFinishedOrder() {
        fixture.given(placed(), new OrderRejectedEvent("order-1", "out of stock"))
                .when(new RetryOrderStepCommand("order-1", FulfilmentStep.PAYMENT, "operator"))
                .expectException(OrderTransitionRefusedException.class);
    }

    @Test
    void aRefusalNamesTheOrderItsStatusAndWhatCanBeDoneInstead() {
        fixture.given(placed())
                .when(new MarkOrderPaidCommand("order-1", "pay-1"))
                .expectException(OrderTransitionRefusedException.class)
                .expectExceptionMessage("Order order-1 is CREATED and cannot be paid before its stock is reserved;"
                        + " retry the RESERVATION step first");
    }

    @Test
    void anOrderThatHasEndedHasNothingLeftToCancel() {
        fixture.given(placed(), new OrderRejectedEvent("order-1", "out of stock"))
                .when(CUSTOMER_CANCELS)
                .expectException(OrderTransitionRefusedException.class)
                .expectExceptionMessage(containsString("is REJECTED and has ended; there is nothing left to cancel"))
                .expectNoEvents();
    }

    @Test
    void theSagasVerdictOnAnOrderThatHasEndedChangesNothing() {
        fixture.given(placed(), new OrderRejectedEvent("order-1", "out of stock"))
                .when(new CancelOrderCommand("order-1", "cancelled by the customer"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
