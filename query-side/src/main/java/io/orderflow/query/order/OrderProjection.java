package io.orderflow.query.order;

import io.orderflow.api.order.FindOrderQuery;
import io.orderflow.api.order.OrderAwaitingPaymentEvent;
import io.orderflow.api.order.OrderCancellationRequestedEvent;
import io.orderflow.api.order.OrderCancelledEvent;
import io.orderflow.api.order.OrderDeliveredEvent;
import io.orderflow.api.order.OrderExpiredEvent;
import io.orderflow.api.order.OrderPaidEvent;
import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.OrderRejectedEvent;
import io.orderflow.api.order.OrderShippedEvent;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.api.order.WatchOrdersQuery;
import io.orderflow.api.payment.PaymentActionRequiredEvent;
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
import io.orderflow.query.Projection;
import io.orderflow.query.QuerySide;
import io.orderflow.query.config.ReadModelBatch;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code orders} collection in step with the events of an order, its payment and its parcel. Placement
 * makes the whole document; each later event sets the fields it changes, on the document as its batch has it
 * ({@link ReadModelBatch}: one write per order per batch). Every change sets values rather than adding to them, so an
 * event applied twice (after a crash, or in a replay) leaves the same document. After each change the new state goes
 * to the subscribers of that order and of the operators' firehose, once the batch is written.
 */
@Component
@ProcessingGroup(QuerySide.ORDER_PROJECTION)
class OrderProjection extends Projection {

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter updates;

    OrderProjection(MongoTemplate mongo, QueryUpdateEmitter updates) {
        super(mongo, OrderDocument.class);
        this.mongo = mongo;
        this.updates = updates;
    }

    @EventHandler
    void on(OrderPlacedEvent event) {
        publish(ReadModelBatch.current(mongo)
                .save(new OrderDocument(
                        event.orderId(),
                        event.customerId(),
                        OrderStatus.CREATED,
                        null,
                        event.lines(),
                        event.total(),
                        event.shippingAddress(),
                        null,
                        null,
                        null,
                        null,
                        event.placedAt(),
                        event.expiresAt(),
                        event.placedAt())));
    }

    @EventHandler
    void on(OrderAwaitingPaymentEvent event, @Timestamp Instant at) {
        status(event.orderId(), OrderStatus.AWAITING_PAYMENT, null, at);
    }

    @EventHandler
    void on(OrderPaidEvent event, @Timestamp Instant at) {
        status(event.orderId(), OrderStatus.PAID, null, at);
    }

    @EventHandler
    void on(OrderShippedEvent event, @Timestamp Instant at) {
        status(event.orderId(), OrderStatus.SHIPPED, null, at);
    }

    @EventHandler
    void on(OrderDeliveredEvent event, @Timestamp Instant at) {
        status(event.orderId(), OrderStatus.DELIVERED, null, at);
    }

    @EventHandler
    void on(OrderCancellationRequestedEvent event, @Timestamp Instant at) {
        status(event.orderId(), OrderStatus.CANCELLING, event.reason(), at);
    }

    @EventHandler
    void on(OrderRejectedEvent event, @Timestamp Instant at) {
        status(event.orderId(), OrderStatus.REJECTED, event.reason(), at);
    }

    @EventHandler
    void on(OrderCancelledEvent event, @Timestamp Instant at) {
        status(event.orderId(), OrderStatus.CANCELLED, event.reason(), at);
    }

    @EventHandler
    void on(OrderExpiredEvent event, @Timestamp Instant at) {
        status(event.orderId(), OrderStatus.EXPIRED, event.reason(), at);
    }

    @EventHandler
    void on(PaymentActionRequiredEvent event, @Timestamp Instant at) {
        payment(event.orderId(), "ACTION_REQUIRED", at);
    }

    @EventHandler
    void on(PaymentAuthorizedEvent event, @Timestamp Instant at) {
        payment(event.orderId(), "AUTHORIZED", at);
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, @Timestamp Instant at) {
        payment(event.orderId(), "DECLINED", at);
    }

    @EventHandler
    void on(PaymentCapturedEvent event, @Timestamp Instant at) {
        payment(event.orderId(), "CAPTURED", at);
    }

    @EventHandler
    void on(PaymentCaptureFailedEvent event, @Timestamp Instant at) {
        payment(event.orderId(), "CAPTURE_FAILED", at);
    }

    @EventHandler
    void on(PaymentVoidedEvent event, @Timestamp Instant at) {
        payment(event.orderId(), "VOIDED", at);
    }

    @EventHandler
    void on(PaymentRefundedEvent event, @Timestamp Instant at) {
        payment(event.orderId(), "REFUNDED", at);
    }

    @EventHandler
    void on(ShipmentCreatedEvent event, @Timestamp Instant at) {
        change(event.orderId(), order -> order.withShipment("CREATED", event.carrier(), event.trackingNumber(), at));
    }

    @EventHandler
    void on(ShipmentBookingRefusedEvent event, @Timestamp Instant at) {
        shipment(event.orderId(), "REFUSED", at);
    }

    @EventHandler
    void on(ShipmentDispatchedEvent event, @Timestamp Instant at) {
        shipment(event.orderId(), "DISPATCHED", at);
    }

    @EventHandler
    void on(ShipmentDeliveredEvent event, @Timestamp Instant at) {
        shipment(event.orderId(), "DELIVERED", at);
    }

    @EventHandler
    void on(ShipmentFailedEvent event, @Timestamp Instant at) {
        shipment(event.orderId(), "FAILED", at);
    }

    @EventHandler
    void on(ShipmentCancelledEvent event, @Timestamp Instant at) {
        shipment(event.orderId(), "CANCELLED", at);
    }

    @EventHandler
    void on(ShipmentReturnRequestedEvent event, @Timestamp Instant at) {
        shipment(event.orderId(), "RETURN_REQUESTED", at);
    }

    @EventHandler
    void on(ShipmentReturnedEvent event, @Timestamp Instant at) {
        shipment(event.orderId(), "RETURNED", at);
    }

    @EventHandler
    void on(ShipmentReturnRefusedEvent event, @Timestamp Instant at) {
        shipment(event.orderId(), "RETURN_REFUSED", at);
    }

    private void status(String orderId, OrderStatus status, String reason, Instant at) {
        change(orderId, order -> order.withStatus(status, reason, at));
    }

    private void payment(String orderId, String paymentStatus, Instant at) {
        change(orderId, order -> order.withPayment(paymentStatus, at));
    }

    private void shipment(String orderId, String shipmentStatus, Instant at) {
        change(orderId, order -> order.withShipment(shipmentStatus, order.carrier(), order.trackingNumber(), at));
    }

    /** The order as the batch leaves it; an order never placed (no document) stays absent. */
    private void change(String orderId, UnaryOperator<OrderDocument> change) {
        ReadModelBatch batch = ReadModelBatch.current(mongo);
        batch.find(OrderDocument.class, orderId).map(change).map(batch::save).ifPresent(this::publish);
    }

    private void publish(OrderDocument order) {
        var view = order.toView();
        updates.emit(FindOrderQuery.class, query -> query.orderId().equals(order.orderId()), view);
        updates.emit(WatchOrdersQuery.class, query -> true, view);
    }
}
