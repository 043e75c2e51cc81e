package io.orderflow.query.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.FindAllProductsQuery;
import io.orderflow.api.inventory.FindProductsQuery;
import io.orderflow.api.inventory.ProductCreatedEvent;
import io.orderflow.api.inventory.ProductView;
import io.orderflow.api.inventory.StockCommittedEvent;
import io.orderflow.api.inventory.StockReleasedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import io.orderflow.query.MongoTestSupport;
import io.orderflow.query.QuerySide;
import io.orderflow.query.config.ProjectionBatches;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InventoryProjectionTest {

    private final MongoTestSupport mongo = new MongoTestSupport();
    private final ProductRepository products = mongo.repository(ProductRepository.class);
    private final InventoryProjection projection = new InventoryProjection(mongo.template());
    private final InventoryQueries queries = new InventoryQueries(products);

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void createdProductIsListedWithAllItsStockAvailable() {
        projection.on(new ProductCreatedEvent("PROD-001", "Wireless Headphones", Money.of("79.99", "USD"), 100));

        assertThat(queries.handle(new FindAllProductsQuery()).products())
                .containsExactly(new ProductView("PROD-001", "Wireless Headphones", Money.of("79.99", "USD"), 100, 0));
    }

    @Test
    void catalogIsListedInProductIdOrder() {
        projection.on(new ProductCreatedEvent("PROD-003", "USB-C Hub", Money.of("34.99", "USD"), 200));
        projection.on(new ProductCreatedEvent("PROD-001", "Wireless Headphones", Money.of("79.99", "USD"), 100));
        projection.on(new ProductCreatedEvent("PROD-002", "Laptop Stand", Money.of("45.99", "USD"), 50));

        assertThat(queries.handle(new FindAllProductsQuery()).products())
                .extracting(ProductView::productId)
                .containsExactly("PROD-001", "PROD-002", "PROD-003");
    }

    @Test
    void findsOnlyTheRequestedKnownProducts() {
        projection.on(new ProductCreatedEvent("PROD-001", "Wireless Headphones", Money.of("79.99", "USD"), 100));
        projection.on(new ProductCreatedEvent("PROD-002", "Laptop Stand", Money.of("45.99", "USD"), 50));

        assertThat(queries.handle(new FindProductsQuery(List.of("PROD-002", "PROD-404")))
                        .products())
                .extracting(ProductView::productId)
                .containsExactly("PROD-002");
    }

    @Test
    void stockEventsSetTheLevelsTheyCarry() {
        projection.on(new ProductCreatedEvent("PROD-001", "Wireless Headphones", Money.of("79.99", "USD"), 100));
        projection.on(new StockReservedEvent("PROD-001", "order-1", 3, 97, 3));
        projection.on(new StockReservedEvent("PROD-001", "order-2", 2, 95, 5));
        projection.on(new StockReleasedEvent("PROD-001", "order-1", 3, 98, 2));
        projection.on(new StockCommittedEvent("PROD-001", "order-2", 2, 98, 0));
        // a repeat after a crash sets the same levels again
        projection.on(new StockCommittedEvent("PROD-001", "order-2", 2, 98, 0));

        assertThat(queries.handle(new FindAllProductsQuery()).products())
                .containsExactly(new ProductView("PROD-001", "Wireless Headphones", Money.of("79.99", "USD"), 98, 0));
    }

    @Test
    void replayedCreationLeavesOneProduct() {
        var created = new ProductCreatedEvent("PROD-001", "Wireless Headphones", Money.of("79.99", "USD"), 100);
        projection.on(created);
        projection.on(created);

        assertThat(products.count()).isEqualTo(1);
    }

    @Test
    void aBatchReadsItsProductsInOneQuery() throws Exception {
        projection.on(new ProductCreatedEvent("PROD-001", "Wireless Headphones", Money.of("79.99", "USD"), 100));
        projection.on(new ProductCreatedEvent("PROD-002", "USB-C Hub", Money.of("34.99", "USD"), 200));
        List<EventMessage<?>> batch = List.of(
                GenericEventMessage.asEventMessage(new StockReservedEvent("PROD-001", "order-1", 3, 97, 3)),
                GenericEventMessage.asEventMessage(new StockReservedEvent("PROD-002", "order-1", 1, 199, 1)),
                GenericEventMessage.asEventMessage(new StockCommittedEvent("PROD-001", "order-1", 3, 97, 0)));
        var before = mongo.commands();

        ProjectionBatches.handle(mongo.template(), QuerySide.INVENTORY_PROJECTION, batch, event -> {
            if (event.getPayload() instanceof StockReservedEvent reserved) {
                projection.on(reserved);
            } else {
                projection.on((StockCommittedEvent) event.getPayload());
            }
        });

        assertThat(mongo.commands().getOrDefault("find", 0) - before.getOrDefault("find", 0))
                .as("the batch's products read in one query")
                .isEqualTo(1);
        assertThat(queries.handle(new FindAllProductsQuery()).products())
                .extracting(ProductView::stockAvailable, ProductView::stockReserved)
                .containsExactly(tuple(97, 0), tuple(199, 1));
    }
}
