package io.orderflow.query.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.common.Money;
import io.orderflow.api.order.FindOrderQuery;
import io.orderflow.api.order.FindOrdersQuery;
import io.orderflow.api.order.OrderAwaitingPaymentEvent;
import io.orderflow.api.order.OrderCancelledEvent;
import io.orderflow.api.order.OrderLine;
import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.api.order.OrderSummary;
import io.orderflow.api.order.OrderView;
import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.order.WatchOrdersQuery;
import io.orderflow.api.payment.PaymentAuthorizedEvent;
import io.orderflow.api.payment.PaymentVoidedEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.query.MongoTestSupport;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

class OrderProjectionTest {

    private static final Instant PLACED_AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 Analytical St", null, "London", "N1 9GU", "GB");
    private static final OrderPlacedEvent PLACED = placed("order-1", "customer-1", PLACED_AT);

    private final MongoTestSupport mongo = new MongoTestSupport();
    private final QueryUpdateEmitter updates =
            SimpleQueryUpdateEmitter.builder().build();
    private final OrderProjection projection = new OrderProjection(mongo.template(), updates);
    private final OrderQueries queries = new OrderQueries(mongo.template());

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static OrderPlacedEvent placed(String orderId, String customerId, Instant at) {
        return new OrderPlacedEvent(
                orderId,
                customerId,
                List.of(new OrderLine("PROD-001", "Wireless Headphones", 2, Money.of("79.99", "USD"))),
                Money.of("159.98", "USD"),
                ADDRESS,
                "pm_card_visa",
                at,
                at.plusSeconds(900));
    }

    @Test
    void placedOrderBecomesCreatedOrderDocument() {
        projection.on(PLACED);

        assertThat(queries.handle(new FindOrderQuery("order-1")))
                .isEqualTo(new OrderView(
                        "order-1",
                        "customer-1",
                        OrderStatus.CREATED,
                        null,
                        PLACED.lines(),
                        Money.of("159.98", "USD"),
                        ADDRESS,
                        null,
                        null,
                        null,
                        null,
                        PLACED_AT,
                        PLACED_AT.plusSeconds(900),
                        PLACED_AT));
    }

    @Test
    void laterEventsSetStatusPaymentAndParcel() {
        Instant later = PLACED_AT.plusSeconds(5);
        projection.on(PLACED);
        projection.on(new OrderAwaitingPaymentEvent("order-1"), later);
        projection.on(new PaymentAuthorizedEvent("pay-1", "order-1", Money.of("159.98", "USD"), "pi_1"), later);
        projection.on(new ShipmentCreatedEvent("ship-1", "order-1", "Carrier", "TRACK-1", ADDRESS), later);

        OrderView order = queries.handle(new FindOrderQuery("order-1"));
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(order.paymentStatus()).isEqualTo("AUTHORIZED");
        assertThat(order.shipmentStatus()).isEqualTo("CREATED");
        assertThat(order.trackingNumber()).isEqualTo("TRACK-1");
        assertThat(order.updatedAt()).isEqualTo(later);
    }

    @Test
    void endingSetsTheReason() {
        projection.on(PLACED);
        projection.on(new PaymentVoidedEvent("pay-1", "order-1", "cancelled by the customer"), PLACED_AT);
        projection.on(new OrderCancelledEvent("order-1", "cancelled by the customer"), PLACED_AT);

        OrderView order = queries.handle(new FindOrderQuery("order-1"));
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.reason()).isEqualTo("cancelled by the customer");
        assertThat(order.paymentStatus()).isEqualTo("VOIDED");
    }

    @Test
    void applyingTheSameEventsTwiceLeavesAnIdenticalDocument() {
        projection.on(PLACED);
        projection.on(new OrderAwaitingPaymentEvent("order-1"), PLACED_AT);
        var first = queries.handle(new FindOrderQuery("order-1"));

        projection.on(PLACED);
        projection.on(new OrderAwaitingPaymentEvent("order-1"), PLACED_AT);

        assertThat(mongo.template().count(new Query(), OrderDocument.class)).isEqualTo(1);
        assertThat(queries.handle(new FindOrderQuery("order-1"))).isEqualTo(first);
    }

    @Test
    void eventForAnUnknownOrderChangesNothing() {
        projection.on(new OrderAwaitingPaymentEvent("missing"), PLACED_AT);

        assertThat(queries.handle(new FindOrderQuery("missing"))).isNull();
    }

    @Test
    void everyChangeGoesToTheOrdersSubscribersAndTheFirehose() {
        var subscriber = updates.registerUpdateHandler(
                new GenericSubscriptionQueryMessage<>(
                        new FindOrderQuery("order-1"),
                        ResponseTypes.optionalInstanceOf(OrderView.class),
                        ResponseTypes.instanceOf(OrderView.class)),
                16);
        var firehose = updates.registerUpdateHandler(
                new GenericSubscriptionQueryMessage<>(
                        new WatchOrdersQuery(),
                        ResponseTypes.multipleInstancesOf(OrderView.class),
                        ResponseTypes.instanceOf(OrderView.class)),
                16);

        projection.on(PLACED);
        projection.on(new OrderAwaitingPaymentEvent("order-1"), PLACED_AT);
        projection.on(placed("order-2", "customer-2", PLACED_AT));
        subscriber.complete();
        firehose.complete();

        assertThat(subscriber
                        .getUpdates()
                        .map(update -> ((OrderView) update.getPayload()).status())
                        .collectList()
                        .block())
                .containsExactly(OrderStatus.CREATED, OrderStatus.AWAITING_PAYMENT);
        assertThat(firehose.getUpdates()
                        .map(update -> ((OrderView) update.getPayload()).orderId())
                        .collectList()
                        .block())
                .containsExactly("order-1", "order-1", "order-2");
    }

    @Test
    void pagesAreNewestFirstFilteredAndCounted() {
        for (int i = 0; i < 5; i++) {
            projection.on(placed("order-" + i, i % 2 == 0 ? "even" : "odd", PLACED_AT.plusSeconds(i)));
        }
        projection.on(new OrderAwaitingPaymentEvent("order-4"), PLACED_AT);

        var firstPage = queries.handle(new FindOrdersQuery(null, null, null, null, 0, 2));
        var secondPage = queries.handle(new FindOrdersQuery(null, null, null, null, 1, 2));
        var evenCreated = queries.handle(new FindOrdersQuery("even", OrderStatus.CREATED, null, null, 0, 10));
        var window = queries.handle(
                new FindOrdersQuery(null, null, PLACED_AT.plusSeconds(1), PLACED_AT.plusSeconds(3), 0, 10));

        assertThat(firstPage.total()).isEqualTo(5);
        assertThat(firstPage.items()).extracting(OrderSummary::orderId).containsExactly("order-4", "order-3");
        assertThat(secondPage.items()).extracting(OrderSummary::orderId).containsExactly("order-2", "order-1");
        assertThat(evenCreated.items()).extracting(OrderSummary::orderId).containsExactly("order-2", "order-0");
        assertThat(evenCreated.total()).isEqualTo(2);
        assertThat(window.items()).extracting(OrderSummary::orderId).containsExactly("order-2", "order-1");
    }
}
