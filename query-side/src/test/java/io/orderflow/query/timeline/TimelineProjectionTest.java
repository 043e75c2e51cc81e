package io.orderflow.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.ProductCreatedEvent;
import io.orderflow.api.inventory.StockReleasedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import io.orderflow.api.order.FindOrderTimelineQuery;
import io.orderflow.api.order.OrderCancelledEvent;
import io.orderflow.api.order.TimelineEntry;
import io.orderflow.api.payment.PaymentDeclinedEvent;
import io.orderflow.query.MongoTestSupport;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimelineProjectionTest {

    private final MongoTestSupport mongo = new MongoTestSupport();
    private final TimelineProjection projection = new TimelineProjection(mongo.template());

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** The event as stored {@code millis} after {@link #NOW}. */
    private void apply(Object event, long millis) {
        EventMessage<?> message =
                new GenericEventMessage<>(GenericEventMessage.asEventMessage(event), () -> NOW.plusMillis(millis));
        projection.on(event, message);
    }

    @Test
    void everyEventOfAnOrderIsListedInTheOrderItHappenedWithASentence() {
        // the cancellation and the release share a millisecond, as events of one transaction do
        apply(new OrderCancelledEvent("order-1", "payment declined"), 12);
        apply(new StockReleasedEvent("PROD-001", "order-1", 2, 100, 0), 12);
        apply(new StockReservedEvent("PROD-001", "order-1", 2, 98, 2), 10);
        apply(
                new PaymentDeclinedEvent("pay-1", "order-1", "insufficient_funds", "Your card has insufficient funds."),
                11);
        apply(new StockReservedEvent("PROD-001", "order-2", 1, 97, 3), 13);

        List<TimelineEntry> timeline =
                projection.handle(new FindOrderTimelineQuery("order-1")).entries();

        assertThat(timeline)
                .extracting(TimelineEntry::type)
                .containsExactly("StockReserved", "PaymentDeclined", "StockReleased", "OrderCancelled");
        assertThat(timeline)
                .extracting(TimelineEntry::description)
                .containsExactly(
                        "Reserved 2 × PROD-001",
                        "Payment declined (insufficient_funds): Your card has insufficient funds.",
                        "Released 2 × PROD-001",
                        "Order cancelled: payment declined");
    }

    @Test
    void eventsOfNoOrderAreNotListed() {
        apply(new ProductCreatedEvent("PROD-001", "Wireless Headphones", Money.of("79.99", "USD"), 100), 1);

        assertThat(mongo.template().findAll(TimelineDocument.class)).isEmpty();
    }

    @Test
    void replayedEventOverwritesItself() {
        EventMessage<?> message =
                GenericEventMessage.asEventMessage(new StockReservedEvent("PROD-001", "order-1", 2, 98, 2));
        projection.on(message.getPayload(), message);
        projection.on(message.getPayload(), message);

        assertThat(projection.handle(new FindOrderTimelineQuery("order-1")).entries())
                .hasSize(1);
    }
}
