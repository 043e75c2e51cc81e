package io.orderflow.query.order;

import io.orderflow.api.common.Money;
import io.orderflow.api.order.FindOrderQuery;
import io.orderflow.api.order.OrderLine;
import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.api.order.OrderView;
import io.orderflow.api.order.ShippingAddress;
import io.orderflow.query.MongoTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderProjectionTest {

    private static final Instant PLACED_AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final OrderPlacedEvent PLACED = new OrderPlacedEvent("order-1", "customer-1",
            List.of(new OrderLine("PROD-001", "Wireless Headphones", 2, Money.of("79.99", "USD"))),
            Money.of("159.98", "USD"),
            new ShippingAddress("Ada Lovelace", "12 Analytical St", null, "London", "N1 9GU", "GB"),
            "pm_card_visa", PLACED_AT, PLACED_AT.plusSeconds(900));

    private final MongoTestSupport mongo = new MongoTestSupport();
    private final OrderRepository orders = mongo.repository(OrderRepository.class);
    private final OrderProjection projection = new OrderProjection(orders, mongo.template());
    private final OrderQueries queries = new OrderQueries(orders);

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void placedOrderBecomesCreatedOrderDocument() {
        projection.on(PLACED);

        assertThat(queries.handle(new FindOrderQuery("order-1"))).contains(new OrderView("order-1", "customer-1",
                OrderStatus.CREATED, null, PLACED.lines(), Money.of("159.98", "USD"), PLACED.shippingAddress(),
                PLACED_AT, PLACED_AT.plusSeconds(900), PLACED_AT));
    }

    @Test
    void applyingTheSameEventTwiceLeavesOneIdenticalDocument() {
        projection.on(PLACED);
        var first = queries.handle(new FindOrderQuery("order-1"));

        projection.on(PLACED);

        assertThat(orders.count()).isEqualTo(1);
        assertThat(queries.handle(new FindOrderQuery("order-1"))).isEqualTo(first);
    }

    @Test
    void unknownOrderIsAbsent() {
        assertThat(queries.handle(new FindOrderQuery("missing"))).isEmpty();
    }
}
