package io.orderflow.query.order;

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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps the {@code orders} collection in step with the order events. Placement writes the whole document; each
 * later event sets the status (and reason) it leads to. Every write sets values rather than adding to them, so an
 * event applied twice (after a crash, or in a replay) leaves the same document.
 */
@Component
@ProcessingGroup(OrderProjection.PROCESSING_GROUP)
class OrderProjection {

    static final String PROCESSING_GROUP = "order-projection";

    private final OrderRepository orders;
    private final MongoTemplate mongo;

    OrderProjection(OrderRepository orders, MongoTemplate mongo) {
        this.orders = orders;
        this.mongo = mongo;
    }

    @EventHandler
    void on(OrderPlacedEvent event) {
        orders.save(new OrderDocument(event.orderId(), event.customerId(), OrderStatus.CREATED, null, event.lines(),
                event.total(), event.shippingAddress(), event.placedAt(), event.expiresAt(), event.placedAt()));
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

    private void status(String orderId, OrderStatus status, String reason, Instant at) {
        mongo.updateFirst(query(where("_id").is(orderId)),
                new Update().set("status", status).set("reason", reason).set("updatedAt", at),
                OrderDocument.class);
    }
}
