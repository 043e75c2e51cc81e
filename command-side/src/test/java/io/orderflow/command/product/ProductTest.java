package io.orderflow.command.product;

import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.CreateProductCommand;
import io.orderflow.api.inventory.ProductCreatedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final Money PRICE = Money.of("79.99", "USD");

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    @Test
    void createsProductWithPriceAndStock() {
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand("PROD-001", "Wireless Headphones", PRICE, 100))
                .expectEvents(new ProductCreatedEvent("PROD-001", "Wireless Headphones", PRICE, 100));
    }

    @Test
    void createsProductWithNoStockYet() {
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand("PROD-009", "Preorder Item", PRICE, 0))
                .expectEvents(new ProductCreatedEvent("PROD-009", "Preorder Item", PRICE, 0));
    }

    @Test
    void rejectsNegativeStock() {
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand("PROD-001", "Wireless Headphones", PRICE, -1))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("Stock of PROD-001 cannot be negative")
                .expectNoEvents();
    }

    @Test
    void rejectsProductWithoutPositivePrice() {
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand("PROD-001", "Wireless Headphones", Money.zero("USD"), 10))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsProductWithoutName() {
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand("PROD-001", "", PRICE, 10))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("Product PROD-001 needs a name")
                .expectNoEvents();
    }
}
