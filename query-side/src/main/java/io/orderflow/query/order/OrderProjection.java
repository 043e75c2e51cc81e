package io.orderflow.query.order;

import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.OrderStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code orders} collection in step with the order events. Every write is an upsert of the whole
 * document keyed by order id, so an event applied twice (after a crash, or in a replay) leaves the same document.
 */
@Component
@ProcessingGroup(OrderProjection.PROCESSING_GROUP)
class OrderProjection {

    static final String PROCESSING_GROUP = "order-projection";

    private final OrderRepository orders;

    OrderProjection(OrderRepository orders) {
        this.orders = orders;
    }

    @EventHandler
    void on(OrderPlacedEvent event) {
        orders.save(new OrderDocument(event.orderId(), event.customerId(), OrderStatus.CREATED, null, event.lines(),
                event.total(), event.shippingAddress(), event.placedAt(), event.expiresAt(), event.placedAt()));
    }
}
