package io.orderflow.query.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.FindAllProductsQuery;
import io.orderflow.api.inventory.FindProductsQuery;
import io.orderflow.api.inventory.ProductCreatedEvent;
import io.orderflow.api.inventory.ProductView;
import io.orderflow.api.inventory.StockCommittedEvent;
import io.orderflow.api.inventory.StockReleasedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import io.orderflow.query.MongoTestSupport;
import java.util.List;
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
}
