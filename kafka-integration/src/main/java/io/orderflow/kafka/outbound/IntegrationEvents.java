package io.orderflow.kafka.outbound;

import io.orderflow.api.inventory.ProductCreatedEvent;
import io.orderflow.api.inventory.ProductDetailsChangedEvent;
import io.orderflow.api.inventory.StockAdjustedEvent;
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
import io.orderflow.kafka.Topics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which internal events are published, to which topic, under which type, and in which public form. Internal events
 * never leave raw: an event without a mapping here (an operator's retry request, for example) is not published.
 */
public final class IntegrationEvents {

    static final String SCHEMA_BASE = "https://orderflow.dev/schemas/";

    private static final Map<Class<?>, Mapping<?>> MAPPINGS = new LinkedHashMap<>();

    static {
        publish(
                Context.ORDER,
                OrderPlacedEvent.class,
                "placed",
                e -> new OrderEventsV1.Placed(
                        e.orderId(),
                        e.customerId(),
                        e.lines().stream()
                                .map(line -> new OrderEventsV1.Line(
                                        line.productId(),
                                        line.productName(),
                                        line.quantity(),
                                        line.unitPrice().amount()))
                                .toList(),
                        e.total().amount(),
                        e.total().currency(),
                        e.placedAt(),
                        e.expiresAt()));
        publish(
                Context.ORDER,
                OrderAwaitingPaymentEvent.class,
                "awaiting-payment",
                e -> new OrderEventsV1.AwaitingPayment(e.orderId()));
        publish(Context.ORDER, OrderPaidEvent.class, "paid", e -> new OrderEventsV1.Paid(e.orderId(), e.paymentId()));
        publish(
                Context.ORDER,
                OrderShippedEvent.class,
                "shipped",
                e -> new OrderEventsV1.Shipped(e.orderId(), e.shipmentId(), e.carrier(), e.trackingNumber()));
        publish(Context.ORDER, OrderDeliveredEvent.class, "delivered", e -> new OrderEventsV1.Delivered(e.orderId()));
        publish(
                Context.ORDER,
                OrderCancellationRequestedEvent.class,
                "cancellation-requested",
                e -> new OrderEventsV1.CancellationRequested(e.orderId(), e.reason()));
        publish(
                Context.ORDER,
                OrderCancelledEvent.class,
                "cancelled",
                e -> new OrderEventsV1.Ended(e.orderId(), e.reason()));
        publish(
                Context.ORDER,
                OrderRejectedEvent.class,
                "rejected",
                e -> new OrderEventsV1.Ended(e.orderId(), e.reason()));
        publish(
                Context.ORDER,
                OrderExpiredEvent.class,
                "expired",
                e -> new OrderEventsV1.Ended(e.orderId(), e.reason()));

        map(
                ProductCreatedEvent.class,
                Topics.INVENTORY,
                "inventory.product-created",
                ProductCreatedEvent::productId,
                e -> new InventoryEventsV1.ProductCreated(
                        e.productId(), e.name(), e.price().amount(), e.price().currency(), e.initialStock()));
        map(
                ProductDetailsChangedEvent.class,
                Topics.INVENTORY,
                "inventory.product-changed",
                ProductDetailsChangedEvent::productId,
                e -> new InventoryEventsV1.ProductChanged(
                        e.productId(), e.name(), e.price().amount(), e.price().currency()));
        map(
                StockAdjustedEvent.class,
                Topics.INVENTORY,
                "inventory.stock-adjusted",
                StockAdjustedEvent::productId,
                e -> new InventoryEventsV1.StockAdjusted(
                        e.productId(), e.adjustmentId(), e.change(), e.reason(), e.stockAvailable()));
        publish(
                Context.INVENTORY,
                StockReservedEvent.class,
                "stock-reserved",
                e -> new InventoryEventsV1.StockChanged(e.orderId(), e.productId(), e.quantity(), e.stockAvailable()));
        publish(
                Context.INVENTORY,
                StockReservationRejectedEvent.class,
                "stock-reservation-rejected",
                e -> new InventoryEventsV1.StockReservationRejected(
                        e.orderId(), e.productId(), e.requested(), e.stockAvailable(), e.reason()));
        publish(
                Context.INVENTORY,
                StockReleasedEvent.class,
                "stock-released",
                e -> new InventoryEventsV1.StockChanged(e.orderId(), e.productId(), e.quantity(), e.stockAvailable()));
        publish(
                Context.INVENTORY,
                StockCommittedEvent.class,
                "stock-committed",
                e -> new InventoryEventsV1.StockChanged(e.orderId(), e.productId(), e.quantity(), e.stockAvailable()));

        publish(
                Context.PAYMENT,
                PaymentAuthorizedEvent.class,
                "authorized",
                e -> new PaymentEventsV1.Amount(
                        e.paymentId(),
                        e.orderId(),
                        e.amount().amount(),
                        e.amount().currency()));
        publish(
                Context.PAYMENT,
                PaymentActionRequiredEvent.class,
                "action-required",
                e -> new PaymentEventsV1.Amount(
                        e.paymentId(),
                        e.orderId(),
                        e.amount().amount(),
                        e.amount().currency()));
        publish(
                Context.PAYMENT,
                PaymentDeclinedEvent.class,
                "declined",
                e -> new PaymentEventsV1.Declined(e.paymentId(), e.orderId(), e.declineCode(), e.reason()));
        publish(
                Context.PAYMENT,
                PaymentAuthorizationFailedEvent.class,
                "authorization-failed",
                e -> new PaymentEventsV1.AuthorizationFailed(
                        e.paymentId(),
                        e.orderId(),
                        e.amount().amount(),
                        e.amount().currency(),
                        e.reason()));
        publish(
                Context.PAYMENT,
                PaymentCapturedEvent.class,
                "captured",
                e -> new PaymentEventsV1.Amount(
                        e.paymentId(),
                        e.orderId(),
                        e.amount().amount(),
                        e.amount().currency()));
        publish(
                Context.PAYMENT,
                PaymentCaptureFailedEvent.class,
                "capture-failed",
                e -> new PaymentEventsV1.Reasoned(e.paymentId(), e.orderId(), e.reason()));
        publish(
                Context.PAYMENT,
                PaymentVoidedEvent.class,
                "voided",
                e -> new PaymentEventsV1.Reasoned(e.paymentId(), e.orderId(), e.reason()));
        publish(
                Context.PAYMENT,
                PaymentRefundedEvent.class,
                "refunded",
                e -> new PaymentEventsV1.Refunded(
                        e.paymentId(),
                        e.orderId(),
                        e.amount().amount(),
                        e.amount().currency(),
                        e.reason()));

        publish(
                Context.SHIPPING,
                ShipmentCreatedEvent.class,
                "shipment-created",
                e -> new ShippingEventsV1.Tracked(e.shipmentId(), e.orderId(), e.carrier(), e.trackingNumber()));
        publish(
                Context.SHIPPING,
                ShipmentBookingRefusedEvent.class,
                "shipment-booking-refused",
                e -> new ShippingEventsV1.Reasoned(e.shipmentId(), e.orderId(), e.reason()));
        publish(
                Context.SHIPPING,
                ShipmentDispatchedEvent.class,
                "shipment-dispatched",
                e -> new ShippingEventsV1.Tracked(e.shipmentId(), e.orderId(), e.carrier(), e.trackingNumber()));
        publish(
                Context.SHIPPING,
                ShipmentDeliveredEvent.class,
                "shipment-delivered",
                e -> new ShippingEventsV1.Delivered(e.shipmentId(), e.orderId()));
        publish(
                Context.SHIPPING,
                ShipmentFailedEvent.class,
                "shipment-failed",
                e -> new ShippingEventsV1.Reasoned(e.shipmentId(), e.orderId(), e.reason()));
        publish(
                Context.SHIPPING,
                ShipmentCancelledEvent.class,
                "shipment-cancelled",
                e -> new ShippingEventsV1.Reasoned(e.shipmentId(), e.orderId(), e.reason()));
        publish(
                Context.SHIPPING,
                ShipmentReturnRequestedEvent.class,
                "shipment-return-requested",
                e -> new ShippingEventsV1.Reasoned(e.shipmentId(), e.orderId(), e.reason()));
        publish(
                Context.SHIPPING,
                ShipmentReturnedEvent.class,
                "shipment-returned",
                e -> new ShippingEventsV1.Returned(e.shipmentId(), e.orderId()));
        publish(
                Context.SHIPPING,
                ShipmentReturnRefusedEvent.class,
                "shipment-return-refused",
                e -> new ShippingEventsV1.Reasoned(e.shipmentId(), e.orderId(), e.reason()));
    }

    private IntegrationEvents() {}

    /** The topic an event is published to, or nothing when it is not published. */
    public static Optional<String> topicOf(EventMessage<?> message) {
        Mapping<?> mapping = MAPPINGS.get(message.getPayloadType());
        return mapping == null ? Optional.empty() : Optional.of(mapping.topic());
    }

    /** The Kafka key of an event: its order id (a product's own events: the product id), or nothing when not published. */
    public static Optional<String> keyOf(Object payload) {
        Mapping<?> mapping = MAPPINGS.get(payload.getClass());
        return mapping == null ? Optional.empty() : Optional.of(mapping.keyOf(payload));
    }

    /** The event's public form, or nothing when it is not published. */
    public static Optional<IntegrationEvent> from(Object payload) {
        Mapping<?> mapping = MAPPINGS.get(payload.getClass());
        return mapping == null ? Optional.empty() : Optional.of(mapping.apply(payload));
    }

    /** The internal event classes that are published. */
    public static Set<Class<?>> published() {
        return Collections.unmodifiableSet(MAPPINGS.keySet());
    }

    /** Every versioned type that may be published. */
    public static Set<String> types() {
        var types = new TreeSet<String>();
        MAPPINGS.values().forEach(mapping -> types.add(mapping.type()));
        return types;
    }

    /** The contexts that publish an order's events, each on a topic of its own. */
    private enum Context {
        ORDER("order", Topics.ORDERS),
        INVENTORY("inventory", Topics.INVENTORY),
        PAYMENT("payment", Topics.PAYMENTS),
        SHIPPING("shipping", Topics.SHIPPING);

        private final String name;
        private final String topic;

        Context(String name, String topic) {
            this.name = name;
            this.topic = topic;
        }
    }

    /** An event of an order, published on its context's topic with the order id as its key. */
    private static <E extends OrderEvent> void publish(
            Context context, Class<E> event, String name, Function<E, Object> data) {
        map(event, context.topic, context.name + "." + name, OrderEvent::orderId, data);
    }

    private static <E> void map(
            Class<E> event, String topic, String name, Function<E, String> key, Function<E, Object> data) {
        MAPPINGS.put(event, new Mapping<>(event, topic, "io.orderflow." + name + ".v1", key, data));
    }

    private record Mapping<E>(
            Class<E> event, String topic, String type, Function<E, String> key, Function<E, Object> data) {

        String keyOf(Object payload) {
            return key.apply(event.cast(payload));
        }

        IntegrationEvent apply(Object payload) {
            String id = keyOf(payload);
            return new IntegrationEvent(topic, id, id, type, data.apply(event.cast(payload)));
        }
    }
}
