package io.orderflow.query.timeline;

import io.orderflow.api.inventory.StockCommittedEvent;
import io.orderflow.api.inventory.StockReleasedEvent;
import io.orderflow.api.inventory.StockReservationRejectedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import io.orderflow.api.order.OrderAwaitingPaymentEvent;
import io.orderflow.api.order.OrderCancellationRequestedEvent;
import io.orderflow.api.order.OrderCancelledEvent;
import io.orderflow.api.order.OrderDeliveredEvent;
import io.orderflow.api.order.OrderEvent;
import io.orderflow.api.order.OrderExpiredEvent;
import io.orderflow.api.order.OrderPaidEvent;
import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.OrderRejectedEvent;
import io.orderflow.api.order.OrderShippedEvent;
import io.orderflow.api.order.OrderStepRetryRequestedEvent;
import io.orderflow.api.payment.PaymentActionRequiredEvent;
import io.orderflow.api.payment.PaymentAuthorizationFailedEvent;
import io.orderflow.api.payment.PaymentAuthorizedEvent;
import io.orderflow.api.payment.PaymentCaptureFailedEvent;
import io.orderflow.api.payment.PaymentCapturedEvent;
import io.orderflow.api.payment.PaymentDeclinedEvent;
import io.orderflow.api.payment.PaymentRefundedEvent;
import io.orderflow.api.payment.PaymentVoidedEvent;
import io.orderflow.api.shipping.ShipmentBookingRefusedEvent;
import io.orderflow.api.shipping.ShipmentCancelledEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDeliveredEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.api.shipping.ShipmentFailedEvent;
import io.orderflow.api.shipping.ShipmentReturnRefusedEvent;
import io.orderflow.api.shipping.ShipmentReturnRequestedEvent;
import io.orderflow.api.shipping.ShipmentReturnedEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A sentence for every event of an order's life, of the order itself, its stock, its payment and its parcel. An
 * event without a sentence here is not part of any order's timeline.
 */
final class TimelineDescriptions {

    private final Map<Class<?>, Function<Object, Described>> describers = new HashMap<>();

    /**
     * The order an event belongs to, what it says, and its step in an order's life: events of one transaction often
     * share a millisecond, and the step keeps them in the order they happen.
     */
    record Described(String orderId, String description, int step) {}

    TimelineDescriptions() {
        on(
                OrderPlacedEvent.class,
                0,
                e -> "Order placed: " + e.lines().size() + (e.lines().size() == 1 ? " line" : " lines") + ", total "
                        + e.total() + ", to be paid by " + e.expiresAt());
        on(StockReservedEvent.class, 1, e -> "Reserved " + e.quantity() + " × " + e.productId());
        on(StockReservationRejectedEvent.class, 1, e -> "Not enough stock: " + e.reason());
        on(StockReleasedEvent.class, 16, e -> "Released " + e.quantity() + " × " + e.productId());
        on(StockCommittedEvent.class, 11, e -> e.quantity() + " × " + e.productId() + " left the stock for good");
        on(OrderAwaitingPaymentEvent.class, 2, e -> "Every line reserved; awaiting payment");
        on(PaymentAuthorizedEvent.class, 4, e -> "Payment of " + e.amount() + " authorized");
        on(PaymentActionRequiredEvent.class, 3, e -> "Payment waits for the customer to confirm it");
        on(PaymentDeclinedEvent.class, 4, e -> "Payment declined (" + e.declineCode() + "): " + e.reason());
        on(PaymentAuthorizationFailedEvent.class, 3, e -> "Payment provider unavailable, to be retried: " + e.reason());
        on(OrderPaidEvent.class, 5, e -> "Order paid");
        on(
                ShipmentCreatedEvent.class,
                6,
                e -> "Parcel booked with " + e.carrier() + ", tracking number " + e.trackingNumber());
        on(ShipmentBookingRefusedEvent.class, 6, e -> "The carrier refused the parcel: " + e.reason());
        on(ShipmentDispatchedEvent.class, 7, e -> "Parcel picked up by " + e.carrier());
        on(PaymentCapturedEvent.class, 8, e -> "Payment of " + e.amount() + " captured");
        on(PaymentCaptureFailedEvent.class, 8, e -> "Payment could not be captured: " + e.reason());
        on(OrderShippedEvent.class, 9, e -> "Order shipped, tracking number " + e.trackingNumber());
        on(ShipmentDeliveredEvent.class, 10, e -> "Parcel delivered");
        on(OrderDeliveredEvent.class, 12, e -> "Order delivered");
        on(ShipmentFailedEvent.class, 10, e -> "Shipment failed: " + e.reason());
        on(ShipmentCancelledEvent.class, 14, e -> "Parcel booking called off: " + e.reason());
        on(ShipmentReturnRequestedEvent.class, 14, e -> "Parcel called back from " + e.carrier() + ": " + e.reason());
        on(ShipmentReturnedEvent.class, 18, e -> "Parcel returned by the carrier");
        on(ShipmentReturnRefusedEvent.class, 18, e -> "The parcel could not be brought back: " + e.reason());
        on(PaymentVoidedEvent.class, 15, e -> "Payment authorization voided: " + e.reason());
        on(PaymentRefundedEvent.class, 15, e -> "Payment of " + e.amount() + " refunded: " + e.reason());
        on(
                OrderCancellationRequestedEvent.class,
                13,
                e -> "Cancellation requested by " + e.requestedBy() + ": " + e.reason());
        on(OrderStepRetryRequestedEvent.class, 13, e -> e.requestedBy() + " asked to retry " + e.step());
        on(OrderRejectedEvent.class, 17, e -> "Order rejected: " + e.reason());
        on(OrderCancelledEvent.class, 17, e -> "Order cancelled: " + e.reason());
        on(OrderExpiredEvent.class, 17, e -> "Order expired: " + e.reason());
    }

    Optional<Described> describe(Object event) {
        return Optional.ofNullable(describers.get(event.getClass())).map(describer -> describer.apply(event));
    }

    private <E extends OrderEvent> void on(Class<E> type, int step, Function<E, String> sentence) {
        describers.put(
                type, event -> new Described(type.cast(event).orderId(), sentence.apply(type.cast(event)), step));
    }
}
