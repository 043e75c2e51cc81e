package io.orderflow.saga.fulfilment;

import static io.orderflow.saga.fulfilment.OrderFulfillmentSaga.PAYMENT_DEADLINE;
import static io.orderflow.saga.fulfilment.OrderFulfillmentSaga.PAYMENT_RETRY;

import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.CommitStockCommand;
import io.orderflow.api.inventory.ReleaseStockCommand;
import io.orderflow.api.inventory.ReserveStockCommand;
import io.orderflow.api.inventory.StockReservationRejectedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import io.orderflow.api.order.CancelOrderCommand;
import io.orderflow.api.order.DerivedIds;
import io.orderflow.api.order.ExpireOrderCommand;
import io.orderflow.api.order.FulfilmentStep;
import io.orderflow.api.order.MarkOrderAwaitingPaymentCommand;
import io.orderflow.api.order.MarkOrderDeliveredCommand;
import io.orderflow.api.order.MarkOrderPaidCommand;
import io.orderflow.api.order.MarkOrderShippedCommand;
import io.orderflow.api.order.OrderCancellationRequestedEvent;
import io.orderflow.api.order.OrderLine;
import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.OrderStepRetryRequestedEvent;
import io.orderflow.api.order.RejectOrderCommand;
import io.orderflow.api.order.RequestOrderCancellationCommand;
import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.payment.AuthorizePaymentCommand;
import io.orderflow.api.payment.CapturePaymentCommand;
import io.orderflow.api.payment.PaymentActionRequiredEvent;
import io.orderflow.api.payment.PaymentAuthorizationFailedEvent;
import io.orderflow.api.payment.PaymentAuthorizedEvent;
import io.orderflow.api.payment.PaymentCaptureFailedEvent;
import io.orderflow.api.payment.PaymentCapturedEvent;
import io.orderflow.api.payment.PaymentDeclinedEvent;
import io.orderflow.api.payment.PaymentVoidedEvent;
import io.orderflow.api.payment.ReversePaymentCommand;
import io.orderflow.api.shipping.CancelShipmentCommand;
import io.orderflow.api.shipping.CreateShipmentCommand;
import io.orderflow.api.shipping.ParcelCallOff;
import io.orderflow.api.shipping.ShipmentBookingRefusedEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDeliveredEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.api.shipping.ShipmentFailedEvent;
import io.orderflow.api.shipping.ShipmentItem;
import io.orderflow.api.shipping.ShipmentReturnRefusedEvent;
import io.orderflow.api.shipping.ShipmentReturnedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderFulfillmentSagaTest {

    private static final String ORDER = "order-1";
    private static final String PAYMENT = DerivedIds.paymentOf(ORDER);
    private static final String SHIPMENT = DerivedIds.shipmentOf(ORDER);
    private static final Money TOTAL = Money.of("194.97", "USD");
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 Analytical St", null, "London", "N1 9GU", "GB");
    private static final Duration PAYMENT_WINDOW = Duration.ofMinutes(15);

    private FixtureConfiguration fixture;
    private OrderPlacedEvent placed;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfillmentSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        Instant now = fixture.currentTime().truncatedTo(ChronoUnit.MILLIS);
        // lines out of product order: the saga works through products in id order
        placed = new OrderPlacedEvent(
                ORDER,
                "customer-1",
                List.of(
                        new OrderLine("PROD-003", "USB-C Hub", 1, Money.of("34.99", "USD")),
                        new OrderLine("PROD-001", "Wireless Headphones", 2, Money.of("79.99", "USD"))),
                TOTAL,
                ADDRESS,
                "pm_card_visa",
                now,
                now.plus(PAYMENT_WINDOW));
    }

    private static StockReservedEvent reserved(String productId, int quantity) {
        return new StockReservedEvent(productId, ORDER, quantity, 10, quantity);
    }

    private static final StockReservedEvent HEADPHONES_RESERVED = reserved("PROD-001", 2);
    private static final StockReservedEvent HUB_RESERVED = reserved("PROD-003", 1);
    private static final StockReservationRejectedEvent HUB_REJECTED =
            new StockReservationRejectedEvent("PROD-003", ORDER, 1, 0, "PROD-003: 1 requested, 0 available");
    private static final PaymentAuthorizedEvent AUTHORIZED = new PaymentAuthorizedEvent(PAYMENT, ORDER, TOTAL, "pi_1");
    private static final ShipmentCreatedEvent BOOKED =
            new ShipmentCreatedEvent(SHIPMENT, ORDER, "Carrier", "TRACK-1", ADDRESS);
    private static final ShipmentDispatchedEvent DISPATCHED =
            new ShipmentDispatchedEvent(SHIPMENT, ORDER, "Carrier", "TRACK-1");
    private static final PaymentCapturedEvent CAPTURED = new PaymentCapturedEvent(PAYMENT, ORDER, TOTAL);

    @Test
    void placedOrderReservesEveryLineAndStartsThePaymentClock() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(placed)
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new ReserveStockCommand("PROD-001", ORDER, 2), new ReserveStockCommand("PROD-003", ORDER, 1))
                .expectScheduledDeadlineWithName(placed.expiresAt(), PAYMENT_DEADLINE);
    }

    @Test
    void waitsUntilEveryLineIsReserved() {
        fixture.givenAPublished(placed).whenPublishingA(HEADPHONES_RESERVED).expectNoDispatchedCommands();
    }

    @Test
    void authorizesTheTotalOnceEveryLineIsReserved() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .whenPublishingA(HUB_RESERVED)
                .expectDispatchedCommands(
                        new MarkOrderAwaitingPaymentCommand(ORDER),
                        new AuthorizePaymentCommand(PAYMENT, ORDER, TOTAL, "pm_card_visa"));
    }

    @Test
    void duplicateReservationChangesNothing() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .whenPublishingA(HEADPHONES_RESERVED)
                .expectNoDispatchedCommands();
    }

    @Test
    void rejectsOrderWhenAnyLineIsOutOfStockAfterReleasingTheOthers() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .whenPublishingA(HUB_REJECTED)
                .expectDispatchedCommands(
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new RejectOrderCommand(ORDER, "out of stock: PROD-003: 1 requested, 0 available"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void reservationArrivingAfterARejectionIsReleasedAndThenTheOrderRejected() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HUB_REJECTED)
                .whenPublishingA(HEADPHONES_RESERVED)
                .expectDispatchedCommands(
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new RejectOrderCommand(ORDER, "out of stock: PROD-003: 1 requested, 0 available"))
                .expectActiveSagas(0);
    }

    @Test
    void rejectionWaitsForOutstandingReservations() {
        fixture.givenAPublished(placed)
                .whenPublishingA(HUB_REJECTED)
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void authorizedPaymentMarksOrderPaidAndBooksTheParcel() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .whenPublishingA(AUTHORIZED)
                .expectDispatchedCommands(
                        new MarkOrderPaidCommand(ORDER, PAYMENT),
                        new CreateShipmentCommand(
                                SHIPMENT,
                                ORDER,
                                ADDRESS,
                                List.of(new ShipmentItem("PROD-001", 2), new ShipmentItem("PROD-003", 1))))
                .expectNoScheduledDeadlines();
    }

    @Test
    void duplicateAuthorizationChangesNothing() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .whenPublishingA(AUTHORIZED)
                .expectNoDispatchedCommands();
    }

    @Test
    void declinedPaymentReleasesStockAndCancelsWithTheReason() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .whenPublishingA(new PaymentDeclinedEvent(
                        PAYMENT, ORDER, "insufficient_funds", "Your card has insufficient funds."))
                .expectDispatchedCommands(
                        new ReversePaymentCommand(
                                PAYMENT, "payment declined (insufficient_funds): Your card has insufficient funds."),
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new ReleaseStockCommand("PROD-003", ORDER),
                        new CancelOrderCommand(
                                ORDER, "payment declined (insufficient_funds): Your card has insufficient funds."))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void dispatchCapturesThePayment() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .whenPublishingA(DISPATCHED)
                .expectDispatchedCommands(new CapturePaymentCommand(PAYMENT));
    }

    @Test
    void captureMarksOrderShipped() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .andThenAPublished(DISPATCHED)
                .whenPublishingA(CAPTURED)
                .expectDispatchedCommands(new MarkOrderShippedCommand(ORDER, SHIPMENT, "Carrier", "TRACK-1"));
    }

    @Test
    void deliveryTakesStockForGoodMarksOrderDeliveredAndEnds() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .andThenAPublished(DISPATCHED)
                .andThenAPublished(CAPTURED)
                .whenPublishingA(new ShipmentDeliveredEvent(SHIPMENT, ORDER))
                .expectDispatchedCommands(
                        new CommitStockCommand("PROD-001", ORDER),
                        new CommitStockCommand("PROD-003", ORDER),
                        new MarkOrderDeliveredCommand(ORDER))
                .expectActiveSagas(0);
    }

    @Test
    void deliveryReportedBeforeTheCaptureCompletesOnceCaptured() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .andThenAPublished(DISPATCHED)
                .andThenAPublished(new ShipmentDeliveredEvent(SHIPMENT, ORDER))
                .whenPublishingA(CAPTURED)
                .expectDispatchedCommands(
                        new MarkOrderShippedCommand(ORDER, SHIPMENT, "Carrier", "TRACK-1"),
                        new CommitStockCommand("PROD-001", ORDER),
                        new CommitStockCommand("PROD-003", ORDER),
                        new MarkOrderDeliveredCommand(ORDER))
                .expectActiveSagas(0);
    }

    @Test
    void failedShipmentRefundsThenReleasesThenCancels() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .andThenAPublished(DISPATCHED)
                .andThenAPublished(CAPTURED)
                .whenPublishingA(new ShipmentFailedEvent(SHIPMENT, ORDER, "lost in transit"))
                .expectDispatchedCommands(
                        new CancelShipmentCommand(SHIPMENT, "shipment failed: lost in transit"),
                        new ReversePaymentCommand(PAYMENT, "shipment failed: lost in transit"),
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new ReleaseStockCommand("PROD-003", ORDER),
                        new CancelOrderCommand(ORDER, "shipment failed: lost in transit"))
                .expectActiveSagas(0);
    }

    @Test
    void refusedBookingVoidsThePaymentReleasesAndCancels() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .whenPublishingA(new ShipmentBookingRefusedEvent(SHIPMENT, ORDER, "no service"))
                .expectDispatchedCommands(
                        new CancelShipmentCommand(SHIPMENT, "the carrier refused the parcel: no service"),
                        new ReversePaymentCommand(PAYMENT, "the carrier refused the parcel: no service"),
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new ReleaseStockCommand("PROD-003", ORDER),
                        new CancelOrderCommand(ORDER, "the carrier refused the parcel: no service"))
                .expectActiveSagas(0);
    }

    private static final String CAPTURE_REFUSED =
            "payment could not be captured: authorization expired; the authorization was voided";

    @Test
    void captureRefusedAfterPickUpVoidsTheAuthorizationAndCallsTheParcelBack() {
        calledOffParcels(ParcelCallOff.RETURN_REQUESTED);
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .andThenAPublished(DISPATCHED)
                .whenPublishingA(new PaymentCaptureFailedEvent(PAYMENT, ORDER, "authorization expired"))
                .expectDispatchedCommands(
                        new CancelShipmentCommand(SHIPMENT, CAPTURE_REFUSED),
                        new RequestOrderCancellationCommand(ORDER, CAPTURE_REFUSED, "OrderFlow", true, true),
                        new ReversePaymentCommand(PAYMENT, CAPTURE_REFUSED),
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new ReleaseStockCommand("PROD-003", ORDER))
                .expectActiveSagas(1);
    }

    /** The parcel answers a call-off as the shipment would: cancelled, or asked back of the carrier. */
    private void calledOffParcels(ParcelCallOff callOff) {
        fixture.setCallbackBehavior((command, metaData) -> command instanceof CancelShipmentCommand ? callOff : null);
    }

    @Test
    void captureRefusedAfterPickUpWaitsForTheParcelToComeBack() {
        calledOffParcels(ParcelCallOff.RETURN_REQUESTED);
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .andThenAPublished(DISPATCHED)
                .andThenAPublished(new PaymentCaptureFailedEvent(PAYMENT, ORDER, "authorization expired"))
                .whenPublishingA(new ShipmentReturnedEvent(SHIPMENT, ORDER))
                .expectDispatchedCommands(
                        new CancelOrderCommand(ORDER, CAPTURE_REFUSED + "; the parcel came back from the carrier"))
                .expectActiveSagas(0);
    }

    @Test
    void captureRefusedAfterPickUpEndsWithWhatTheCarrierCouldNotDo() {
        calledOffParcels(ParcelCallOff.RETURN_REQUESTED);
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .andThenAPublished(DISPATCHED)
                .andThenAPublished(new PaymentCaptureFailedEvent(PAYMENT, ORDER, "authorization expired"))
                .whenPublishingA(new ShipmentReturnRefusedEvent(SHIPMENT, ORDER, "lost on its way back"))
                .expectDispatchedCommands(new CancelOrderCommand(
                        ORDER,
                        CAPTURE_REFUSED + "; the carrier could not bring the parcel back (lost on its way back)"))
                .expectActiveSagas(0);
    }

    @Test
    void captureRefusedWithAParcelTheCarrierCannotCallBackEndsAtOnceAndSaysSo() {
        fixture.setCallbackBehavior(
                (command, metaData) -> command instanceof CancelShipmentCommand ? ParcelCallOff.RETURN_REFUSED : null);
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .andThenAPublished(DISPATCHED)
                .whenPublishingA(new PaymentCaptureFailedEvent(PAYMENT, ORDER, "authorization expired"))
                .expectDispatchedCommands(
                        new CancelShipmentCommand(SHIPMENT, CAPTURE_REFUSED),
                        new ReversePaymentCommand(PAYMENT, CAPTURE_REFUSED),
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new ReleaseStockCommand("PROD-003", ORDER),
                        new CancelOrderCommand(ORDER, CAPTURE_REFUSED + "; the carrier could not call the parcel back"))
                .expectActiveSagas(0);
    }

    @Test
    void paymentCancelledAtTheProviderUndoesTheOrder() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .whenPublishingA(new PaymentVoidedEvent(PAYMENT, ORDER, "cancelled at the provider"))
                .expectDispatchedCommands(
                        new CancelShipmentCommand(SHIPMENT, "the payment was cancelled at the provider"),
                        new ReversePaymentCommand(PAYMENT, "the payment was cancelled at the provider"),
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new ReleaseStockCommand("PROD-003", ORDER),
                        new CancelOrderCommand(ORDER, "the payment was cancelled at the provider"))
                .expectActiveSagas(0);
    }

    @Test
    void moneyCapturedAtTheProviderBeforePickUpShipsWithoutASecondCapture() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .andThenAPublished(CAPTURED)
                .whenPublishingA(DISPATCHED)
                .expectDispatchedCommands(new MarkOrderShippedCommand(ORDER, SHIPMENT, "Carrier", "TRACK-1"));
    }

    @Test
    void cancellationBeforeTheBookingIsSeenStillCallsOffTheParcel() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .whenPublishingA(new OrderCancellationRequestedEvent(ORDER, "cancelled by the customer", "customer-1"))
                .expectDispatchedCommands(
                        new CancelShipmentCommand(SHIPMENT, "cancelled by the customer"),
                        new ReversePaymentCommand(PAYMENT, "cancelled by the customer"),
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new ReleaseStockCommand("PROD-003", ORDER),
                        new CancelOrderCommand(ORDER, "cancelled by the customer"))
                .expectActiveSagas(0);
    }

    @Test
    void cancellationWhileAwaitingPaymentVoidsReleasesAndCancels() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(new PaymentActionRequiredEvent(PAYMENT, ORDER, TOTAL, "pi_1"))
                .whenPublishingA(new OrderCancellationRequestedEvent(ORDER, "cancelled by the customer", "customer-1"))
                .expectDispatchedCommands(
                        new ReversePaymentCommand(PAYMENT, "cancelled by the customer"),
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new ReleaseStockCommand("PROD-003", ORDER),
                        new CancelOrderCommand(ORDER, "cancelled by the customer"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void cancellationAfterPaymentCallsOffTheParcelFirst() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .whenPublishingA(new OrderCancellationRequestedEvent(ORDER, "cancelled by the customer", "customer-1"))
                .expectDispatchedCommands(
                        new CancelShipmentCommand(SHIPMENT, "cancelled by the customer"),
                        new ReversePaymentCommand(PAYMENT, "cancelled by the customer"),
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new ReleaseStockCommand("PROD-003", ORDER),
                        new CancelOrderCommand(ORDER, "cancelled by the customer"))
                .expectActiveSagas(0);
    }

    @Test
    void forcedCompensationOfAShippedOrderRefundsReleasesAndCancels() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .andThenAPublished(DISPATCHED)
                .andThenAPublished(CAPTURED)
                .whenPublishingA(new OrderCancellationRequestedEvent(ORDER, "cancelled by an operator", "operator"))
                .expectDispatchedCommands(
                        new CancelShipmentCommand(SHIPMENT, "cancelled by an operator"),
                        new ReversePaymentCommand(PAYMENT, "cancelled by an operator"),
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new ReleaseStockCommand("PROD-003", ORDER),
                        new CancelOrderCommand(ORDER, "cancelled by an operator"))
                .expectActiveSagas(0);
    }

    @Test
    void cancellationBeforeReservationsAnswerUndoesEachAsItArrives() {
        fixture.givenAPublished(placed)
                .andThenAPublished(
                        new OrderCancellationRequestedEvent(ORDER, "cancelled by the customer", "customer-1"))
                .andThenAPublished(HEADPHONES_RESERVED)
                .whenPublishingA(HUB_RESERVED)
                .expectDispatchedCommands(
                        new ReleaseStockCommand("PROD-003", ORDER),
                        new CancelOrderCommand(ORDER, "cancelled by the customer"))
                .expectActiveSagas(0);
    }

    @Test
    void lateAuthorizationDuringCompensationIsVoided() {
        fixture.givenAPublished(placed)
                .andThenAPublished(
                        new OrderCancellationRequestedEvent(ORDER, "cancelled by the customer", "customer-1"))
                .whenPublishingA(AUTHORIZED)
                .expectDispatchedCommands(new ReversePaymentCommand(PAYMENT, "cancelled by the customer"));
    }

    @Test
    void unpaidOrderExpiresAtItsDeadlineAfterReleasingStock() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(new PaymentActionRequiredEvent(PAYMENT, ORDER, TOTAL, "pi_1"))
                .whenTimeElapses(PAYMENT_WINDOW.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(PAYMENT_DEADLINE)
                .expectDispatchedCommands(
                        new ReversePaymentCommand(PAYMENT, "not paid by " + placed.expiresAt()),
                        new ReleaseStockCommand("PROD-001", ORDER),
                        new ReleaseStockCommand("PROD-003", ORDER),
                        new ExpireOrderCommand(ORDER))
                .expectActiveSagas(0);
    }

    @Test
    void orderStillReservingExpiresOnceItsLastReservationArrives() throws Exception {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenTimeElapses(PAYMENT_WINDOW.plusSeconds(1))
                .whenPublishingA(HUB_RESERVED)
                .expectDispatchedCommands(new ReleaseStockCommand("PROD-003", ORDER), new ExpireOrderCommand(ORDER))
                .expectActiveSagas(0);
    }

    @Test
    void paidOrderDoesNotExpire() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .whenTimeElapses(PAYMENT_WINDOW.plusMinutes(5))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void unreachableProviderIsTriedAgainAfterAPause() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(new PaymentAuthorizationFailedEvent(PAYMENT, ORDER, TOTAL, "Stripe did not answer"))
                .whenTimeElapses(Duration.ofSeconds(6))
                .expectTriggeredDeadlinesWithName(PAYMENT_RETRY)
                .expectDispatchedCommands(new AuthorizePaymentCommand(PAYMENT, ORDER, TOTAL, "pm_card_visa"));
    }

    @Test
    void operatorRetryOfPaymentAuthorizesNow() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(new PaymentAuthorizationFailedEvent(PAYMENT, ORDER, TOTAL, "Stripe did not answer"))
                .whenPublishingA(new OrderStepRetryRequestedEvent(ORDER, FulfilmentStep.PAYMENT, "operator"))
                .expectDispatchedCommands(new AuthorizePaymentCommand(PAYMENT, ORDER, TOTAL, "pm_card_visa"))
                .expectScheduledDeadlineWithName(placed.expiresAt(), PAYMENT_DEADLINE);
    }

    @Test
    void operatorRetryOfShipmentBooksAgainWhenNotBooked() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .whenPublishingA(new OrderStepRetryRequestedEvent(ORDER, FulfilmentStep.SHIPMENT, "operator"))
                .expectDispatchedCommands(new CreateShipmentCommand(
                        SHIPMENT,
                        ORDER,
                        ADDRESS,
                        List.of(new ShipmentItem("PROD-001", 2), new ShipmentItem("PROD-003", 1))));
    }

    @Test
    void operatorRetryOfReservationResendsOnlyOutstandingLines() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .whenPublishingA(new OrderStepRetryRequestedEvent(ORDER, FulfilmentStep.RESERVATION, "operator"))
                .expectDispatchedCommands(new ReserveStockCommand("PROD-003", ORDER, 1));
    }

    @Test
    void duplicateDispatchDoesNotCaptureTwice() {
        fixture.givenAPublished(placed)
                .andThenAPublished(HEADPHONES_RESERVED)
                .andThenAPublished(HUB_RESERVED)
                .andThenAPublished(AUTHORIZED)
                .andThenAPublished(BOOKED)
                .andThenAPublished(DISPATCHED)
                .whenPublishingA(DISPATCHED)
                .expectNoDispatchedCommands();
    }
}
