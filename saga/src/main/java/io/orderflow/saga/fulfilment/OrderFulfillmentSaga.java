package io.orderflow.saga.fulfilment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.CommitStockCommand;
import io.orderflow.api.inventory.ReleaseStockCommand;
import io.orderflow.api.inventory.ReserveStockCommand;
import io.orderflow.api.inventory.StockReservationRejectedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import io.orderflow.api.order.CancelOrderCommand;
import io.orderflow.api.order.DerivedIds;
import io.orderflow.api.order.ExpireOrderCommand;
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
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives one order from placement to delivery, and undoes what was done when a step fails.
 *
 * <p>Happy path: reserve every line, then mark the order awaiting payment and authorize the total; once authorized,
 * mark it paid and book the parcel; when the carrier picks it up, capture the payment and mark the order shipped;
 * on delivery, take the reserved units out of stock, mark the order delivered, and end.
 *
 * <p>Compensation runs once a reason to stop is known (a line out of stock, a declined card, a refused capture, a
 * refused or failed parcel, a cancellation, the payment deadline): it calls off the parcel (the booking is cancelled
 * before pick-up; after it, the carrier is asked to bring the parcel back), reverses the payment (void or refund, as
 * far as it got), releases the reserved lines, and then gives the order its final state, in that order. Outcomes
 * still under way (a reservation whose answer has not arrived, a parcel on its way back) are settled when they
 * arrive, and the order is only given its final state, with what became of the parcel in its reason, when nothing
 * is left pending. Money and parcel thus agree at the end: no parcel out with the money given back goes unreported.
 *
 * <p>Each step is sent and awaited inside the handling of the event that triggers it, so the step's events, the
 * saga's state and the processor's position commit together or not at all (with those of the other events in the
 * processor's batch): after a crash the event is handled again and every step, being idempotent (and idempotent at
 * the payment provider by key), converges. Events that arrive twice or late are recognised from the saga's state and
 * change nothing.
 *
 * <p>In distributed mode that guarantee changes shape. The step's commands are handled in {@code command-side},
 * which commits their events in Axon Server, while the saga's state and position commit in PostgreSQL, apart: a
 * crash between the two repeats the step. Correctness then rests on every command being idempotent (an aggregate
 * recognises a step it has already taken) and on the payment provider's idempotency keys (the repeated
 * authorization or capture is the same request, answered as before). The distributed {@code SagaCrashTest} kills
 * the saga service among orders in flight and checks that every order ends with one authorization and one capture.
 */
@Saga
@ProcessingGroup(OrderFulfillmentSaga.PROCESSING_GROUP)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrderFulfillmentSaga {

    public static final String PROCESSING_GROUP = "order-fulfilment-saga";
    static final String ORDER_ID = "orderId";
    static final String PAYMENT_DEADLINE = "order-payment-deadline";
    static final String PAYMENT_RETRY = "order-payment-retry";
    /** Who asks for a cancellation that the saga's own compensation needs. */
    static final String PLATFORM = "OrderFlow";
    /** Pauses between payment attempts while the provider cannot be reached. */
    static final Backoff PAYMENT_RETRY_BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(2));

    @Autowired
    private transient CommandGateway commands;

    @Autowired
    private transient DeadlineManager deadlines;

    private String orderId;
    private String paymentId;
    private String shipmentId;
    private Money total;
    private String paymentMethod;
    private ShippingAddress shippingAddress;
    private Instant expiresAt;
    private String paymentDeadlineId;
    private String paymentRetryId;
    /** Quantity per product, in product id order so that products are always locked in the same order. */
    private TreeMap<String, Integer> lines = new TreeMap<>();

    private TreeSet<String> pendingReservations = new TreeSet<>();
    private TreeSet<String> reservedProducts = new TreeSet<>();

    @JsonUnwrapped
    private PaymentProgress payment = new PaymentProgress();

    @JsonUnwrapped
    private ShipmentProgress shipment = new ShipmentProgress();
    /** Set once compensation starts: how the order will end, and why. */
    private Ending ending;

    private String endingReason;

    enum Ending {
        REJECTED,
        CANCELLED,
        EXPIRED
    }

    /** How far the payment has got; stored under the names it had as the saga's own fields. */
    static final class PaymentProgress {
        @JsonProperty("paymentStarted")
        boolean started;

        @JsonProperty("paymentAuthorized")
        boolean authorized;

        @JsonProperty("paymentCaptured")
        boolean captured;

        @JsonProperty("paymentAttempts")
        int attempts;
    }

    /** How far the parcel has got; stored under the names it had as the saga's own fields. */
    static final class ShipmentProgress {
        /** Asked of the carrier; the parcel may be booked before this saga sees that it is. */
        @JsonProperty("shipmentRequested")
        boolean requested;

        @JsonProperty("shipmentBooked")
        boolean booked;

        @JsonProperty("shipmentDispatched")
        boolean dispatched;

        @JsonProperty("deliveryReported")
        boolean deliveryReported;

        @JsonProperty("carrier")
        String carrier;

        @JsonProperty("trackingNumber")
        String trackingNumber;

        /** Called back from the carrier, whose report of the return the order's ending waits for. */
        @JsonProperty("returnPending")
        boolean returnPending;

        /** What became of the parcel when it was called back, for the order's reason. */
        @JsonProperty("returnOutcome")
        String returnOutcome;
    }

    /**
     * Exponential back-off: the first pause, doubled after each further attempt, never longer than the longest.
     *
     * @param first the pause after the first failed attempt
     * @param longest the pause it grows to and stays at
     */
    record Backoff(Duration first, Duration longest) {

        /** The pause after the given failed attempt, counted from 1. */
        Duration after(int attempt) {
            Duration pause = first.multipliedBy(1L << Math.min(Math.max(attempt, 1) - 1, 20));
            return pause.compareTo(longest) > 0 ? longest : pause;
        }
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        paymentId = DerivedIds.paymentOf(orderId);
        shipmentId = DerivedIds.shipmentOf(orderId);
        total = event.total();
        paymentMethod = event.paymentMethod();
        shippingAddress = event.shippingAddress();
        expiresAt = event.expiresAt();
        for (OrderLine line : event.lines()) {
            lines.put(line.productId(), line.quantity());
        }
        paymentDeadlineId = deadlines.schedule(expiresAt, PAYMENT_DEADLINE);
        pendingReservations.addAll(lines.keySet());
        lines.forEach((productId, quantity) -> send(new ReserveStockCommand(productId, orderId, quantity)));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservedEvent event) {
        if (!pendingReservations.remove(event.productId())) {
            return;
        }
        if (ending != null) {
            send(new ReleaseStockCommand(event.productId(), orderId));
            finishIfNothingPending();
            return;
        }
        reservedProducts.add(event.productId());
        if (pendingReservations.isEmpty()) {
            send(new MarkOrderAwaitingPaymentCommand(orderId));
            authorizePayment();
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationRejectedEvent event) {
        if (!pendingReservations.remove(event.productId())) {
            return;
        }
        compensate(Ending.REJECTED, "out of stock: " + event.reason());
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentAuthorizedEvent event) {
        if (payment.authorized) {
            return;
        }
        payment.authorized = true;
        if (ending != null) {
            send(new ReversePaymentCommand(paymentId, endingReason));
            return;
        }
        cancelPaymentDeadlines();
        send(new MarkOrderPaidCommand(orderId, paymentId));
        bookShipment();
    }

    /** The customer has to act first; the provider reports the outcome later, and the payment deadline still runs. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentActionRequiredEvent event) {
        if (ending != null) {
            send(new ReversePaymentCommand(paymentId, endingReason));
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentDeclinedEvent event) {
        compensate(Ending.CANCELLED, "payment declined (" + event.declineCode() + "): " + event.reason());
    }

    /** The provider was unreachable: try again with growing pauses, until the payment deadline decides. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentAuthorizationFailedEvent event) {
        if (ending != null || payment.authorized) {
            return;
        }
        paymentRetryId = deadlines.schedule(PAYMENT_RETRY_BACKOFF.after(payment.attempts), PAYMENT_RETRY);
    }

    @DeadlineHandler(deadlineName = PAYMENT_RETRY)
    void retryPayment() {
        paymentRetryId = null;
        if (ending == null && !payment.authorized) {
            authorizePayment();
        }
    }

    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void paymentDeadlinePassed() {
        paymentDeadlineId = null;
        if (!payment.authorized && ending == null) {
            compensate(Ending.EXPIRED, "not paid by " + expiresAt);
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(ShipmentCreatedEvent event) {
        if (shipment.booked) {
            return;
        }
        shipment.booked = true;
        shipment.carrier = event.carrier();
        shipment.trackingNumber = event.trackingNumber();
        if (ending != null) {
            callOffParcel();
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(ShipmentBookingRefusedEvent event) {
        compensate(Ending.CANCELLED, "the carrier refused the parcel: " + event.reason());
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(ShipmentDispatchedEvent event) {
        if (shipment.dispatched) {
            return;
        }
        shipment.dispatched = true;
        if (ending != null) {
            return;
        }
        if (payment.captured) {
            // the provider reported the money taken before the pick-up (captured at the provider)
            markShipped();
        } else {
            send(new CapturePaymentCommand(paymentId));
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentCapturedEvent event) {
        if (payment.captured) {
            return;
        }
        payment.captured = true;
        if (ending != null) {
            send(new ReversePaymentCommand(paymentId, endingReason));
        } else if (shipment.dispatched) {
            markShipped();
        }
    }

    private void markShipped() {
        send(new MarkOrderShippedCommand(orderId, shipmentId, shipment.carrier, shipment.trackingNumber));
        if (shipment.deliveryReported) {
            completeDelivery();
        }
    }

    /** The capture was refused, so the authorization is voided; a parcel already out is called back. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentCaptureFailedEvent event) {
        compensate(
                Ending.CANCELLED,
                "payment could not be captured: " + event.reason() + "; the authorization was voided");
    }

    /** The provider cancelled a payment this order still counted on (a webhook): the order is undone. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentVoidedEvent event) {
        if (ending == null) {
            compensate(Ending.CANCELLED, "the payment was cancelled at the provider");
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(ShipmentReturnedEvent event) {
        parcelSettled("the parcel came back from the carrier");
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(ShipmentReturnRefusedEvent event) {
        parcelSettled("the carrier could not bring the parcel back (" + event.reason() + ")");
    }

    private void parcelSettled(String outcome) {
        if (!shipment.returnPending) {
            return;
        }
        shipment.returnPending = false;
        shipment.returnOutcome = outcome;
        finishIfNothingPending();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(ShipmentDeliveredEvent event) {
        if (ending != null || shipment.deliveryReported) {
            return;
        }
        shipment.deliveryReported = true;
        // the carrier can report delivery before this saga has seen its own capture; delivery completes after it
        if (payment.captured) {
            completeDelivery();
        }
    }

    private void completeDelivery() {
        reservedProducts.forEach(productId -> send(new CommitStockCommand(productId, orderId)));
        send(new MarkOrderDeliveredCommand(orderId));
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(ShipmentFailedEvent event) {
        compensate(Ending.CANCELLED, "shipment failed: " + event.reason());
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancellationRequestedEvent event) {
        compensate(Ending.CANCELLED, event.reason());
    }

    /** An operator asked for a stalled step to run again now. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderStepRetryRequestedEvent event) {
        if (ending != null) {
            return;
        }
        switch (event.step()) {
            case RESERVATION ->
                pendingReservations.forEach(
                        productId -> send(new ReserveStockCommand(productId, orderId, lines.get(productId))));
            case PAYMENT -> {
                if (pendingReservations.isEmpty() && !payment.authorized) {
                    if (paymentRetryId != null) {
                        deadlines.cancelSchedule(PAYMENT_RETRY, paymentRetryId);
                        paymentRetryId = null;
                    }
                    authorizePayment();
                }
            }
            case SHIPMENT -> {
                if (payment.authorized && !shipment.booked) {
                    bookShipment();
                }
            }
        }
    }

    /**
     * Undoes every step taken, in reverse: the parcel if not yet with the carrier, then the payment, then the stock;
     * the first reason to stop decides how the order ends.
     */
    private void compensate(Ending how, String reason) {
        if (ending == null) {
            ending = how;
            endingReason = reason;
            cancelPaymentDeadlines();
        }
        if (shipment.requested || shipment.booked) {
            callOffParcel();
        }
        if (payment.started) {
            send(new ReversePaymentCommand(paymentId, endingReason));
        }
        reservedProducts.forEach(productId -> send(new ReleaseStockCommand(productId, orderId)));
        reservedProducts.clear();
        finishIfNothingPending();
    }

    /**
     * Cancels the booking, or calls back a parcel the carrier already has; the order's ending then waits for the
     * carrier's report of the return.
     */
    private void callOffParcel() {
        ParcelCallOff callOff = commands.sendAndWait(new CancelShipmentCommand(shipmentId, endingReason));
        if (callOff == ParcelCallOff.RETURN_REQUESTED) {
            shipment.returnPending = true;
            // the order shows that it is being undone while it waits for the parcel (a repeat changes nothing)
            send(new RequestOrderCancellationCommand(orderId, endingReason, PLATFORM, true, true));
        } else if (callOff == ParcelCallOff.RETURN_REFUSED) {
            shipment.returnOutcome = "the carrier could not call the parcel back";
        }
    }

    private void finishIfNothingPending() {
        if (ending == null || !pendingReservations.isEmpty() || shipment.returnPending) {
            return;
        }
        String reason = shipment.returnOutcome == null ? endingReason : endingReason + "; " + shipment.returnOutcome;
        switch (ending) {
            case REJECTED -> send(new RejectOrderCommand(orderId, reason));
            case CANCELLED -> send(new CancelOrderCommand(orderId, reason));
            case EXPIRED -> send(new ExpireOrderCommand(orderId));
        }
        SagaLifecycle.end();
    }

    private void cancelPaymentDeadlines() {
        if (paymentDeadlineId != null) {
            deadlines.cancelSchedule(PAYMENT_DEADLINE, paymentDeadlineId);
            paymentDeadlineId = null;
        }
        if (paymentRetryId != null) {
            deadlines.cancelSchedule(PAYMENT_RETRY, paymentRetryId);
            paymentRetryId = null;
        }
    }

    private void authorizePayment() {
        payment.started = true;
        payment.attempts++;
        send(new AuthorizePaymentCommand(paymentId, orderId, total, paymentMethod));
    }

    private void bookShipment() {
        shipment.requested = true;
        List<ShipmentItem> items = new ArrayList<>();
        lines.forEach((productId, quantity) -> items.add(new ShipmentItem(productId, quantity)));
        send(new CreateShipmentCommand(shipmentId, orderId, shippingAddress, items));
    }

    /** Waits for the step, so that its events commit with this saga's state (see the class comment). */
    private void send(Object command) {
        commands.sendAndWait(command);
    }
}
