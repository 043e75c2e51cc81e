package io.orderflow.kafka;

import io.orderflow.api.order.OrderPlacedEvent;
import org.axonframework.eventhandling.EventMessage;

import java.util.Optional;

/**
 * Decides which internal events are published and maps each to its public form. Internal events never leave raw:
 * an event without a mapping here is not published.
 */
public final class IntegrationEvents {

    static final String ORDERS_TOPIC = "orderflow.orders.v1";

    private IntegrationEvents() {
    }

    /** The topic an event is published to, or nothing when it is not published. */
    public static Optional<String> topicOf(EventMessage<?> message) {
        return from(message).map(IntegrationEvent::topic);
    }

    static Optional<IntegrationEvent> from(EventMessage<?> message) {
        if (message.getPayload() instanceof OrderPlacedEvent placed) {
            var lines = placed.lines().stream()
                    .map(line -> new OrderPlacedV1.Line(line.productId(), line.productName(), line.quantity(),
                            line.unitPrice().amount()))
                    .toList();
            return Optional.of(new IntegrationEvent(ORDERS_TOPIC, placed.orderId(), "io.orderflow.order.placed.v1",
                    new OrderPlacedV1(placed.orderId(), placed.customerId(), lines, placed.total().amount(),
                            placed.total().currency(), placed.placedAt(), placed.expiresAt())));
        }
        return Optional.empty();
    }
}
