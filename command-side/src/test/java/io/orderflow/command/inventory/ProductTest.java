package io.orderflow.command.inventory;

import io.orderflow.api.common.CommandRefusedException;
import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.AdjustStockCommand;
import io.orderflow.api.inventory.ChangeProductDetailsCommand;
import io.orderflow.api.inventory.CommitStockCommand;
import io.orderflow.api.inventory.CreateProductCommand;
import io.orderflow.api.inventory.ProductCreatedEvent;
import io.orderflow.api.inventory.ProductDetailsChangedEvent;
import io.orderflow.api.inventory.ProductView;
import io.orderflow.api.inventory.ReleaseStockCommand;
import io.orderflow.api.inventory.ReserveStockCommand;
import io.orderflow.api.inventory.StockAdjustedEvent;
import io.orderflow.api.inventory.StockCommittedEvent;
import io.orderflow.api.inventory.StockReleasedEvent;
import io.orderflow.api.inventory.StockReservationRejectedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final Money PRICE = Money.of("79.99", "USD");
    private static final ProductCreatedEvent CREATED_WITH_10 =
            new ProductCreatedEvent("PROD-001", "Wireless Headphones", PRICE, 10);

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
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("Stock of PROD-001 cannot be negative")
                .expectNoEvents();
    }

    @Test
    void rejectsProductWithoutPositivePrice() {
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand("PROD-001", "Wireless Headphones", Money.zero("USD"), 10))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsProductWithoutName() {
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand("PROD-001", "", PRICE, 10))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("Product PROD-001 needs a name")
                .expectNoEvents();
    }

    @Test
    void refusesAProductIdAlreadyInTheCatalog() {
        fixture.given(CREATED_WITH_10)
                .when(new CreateProductCommand("PROD-001", "Another", PRICE, 5))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("There is already a product PROD-001")
                .expectNoEvents();
    }

    @Test
    void changesNameAndPrice() {
        Money newPrice = Money.of("69.99", "USD");
        fixture.given(CREATED_WITH_10)
                .when(new ChangeProductDetailsCommand("PROD-001", "Wireless Headphones II", newPrice))
                .expectEvents(new ProductDetailsChangedEvent("PROD-001", "Wireless Headphones II", newPrice));
    }

    @Test
    void detailsAsTheyAreChangeNothing() {
        fixture.given(CREATED_WITH_10, new ProductDetailsChangedEvent("PROD-001", "Headphones", PRICE))
                .when(new ChangeProductDetailsCommand("PROD-001", "Headphones", PRICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesDetailsWithoutPositivePrice() {
        fixture.given(CREATED_WITH_10)
                .when(new ChangeProductDetailsCommand("PROD-001", "Headphones", Money.zero("USD")))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("Price of PROD-001 must be positive")
                .expectNoEvents();
    }

    @Test
    void restocksWithTheLevelsAfter() {
        fixture.given(CREATED_WITH_10, new StockReservedEvent("PROD-001", "order-1", 4, 6, 4))
                .when(new AdjustStockCommand("PROD-001", "delivery-1", 50, "supplier delivery"))
                .expectEvents(new StockAdjustedEvent("PROD-001", "delivery-1", 50, "supplier delivery", 56, 4))
                .expectResultMessagePayload(new ProductView("PROD-001", "Wireless Headphones", PRICE, 56, 4));
    }

    @Test
    void aRepeatedAdjustmentChangesNothing() {
        fixture.given(CREATED_WITH_10, new StockAdjustedEvent("PROD-001", "delivery-1", 50, "delivery", 60, 0))
                .when(new AdjustStockCommand("PROD-001", "delivery-1", 50, "delivery"))
                .expectResultMessagePayload(new ProductView("PROD-001", "Wireless Headphones", PRICE, 60, 0))
                .expectNoEvents();
    }

    @Test
    void writesOffAvailableUnits() {
        fixture.given(CREATED_WITH_10, new StockReservedEvent("PROD-001", "order-1", 4, 6, 4))
                .when(new AdjustStockCommand("PROD-001", "damaged-1", -6, "damaged in the warehouse"))
                .expectEvents(new StockAdjustedEvent("PROD-001", "damaged-1", -6, "damaged in the warehouse", 0, 4));
    }

    @Test
    void refusesToWriteOffReservedUnits() {
        fixture.given(CREATED_WITH_10, new StockReservedEvent("PROD-001", "order-1", 4, 6, 4))
                .when(new AdjustStockCommand("PROD-001", "damaged-1", -7, "damaged"))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("Cannot write off 7 of PROD-001: 6 available, 4 reserved by orders")
                .expectNoEvents();
    }

    @Test
    void refusesAnAdjustmentThatChangesNothing() {
        fixture.given(CREATED_WITH_10)
                .when(new AdjustStockCommand("PROD-001", "nothing-1", 0, "count"))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void restockedUnitsCanBeReserved() {
        fixture.given(
                        new ProductCreatedEvent("PROD-001", "Wireless Headphones", PRICE, 0),
                        new StockAdjustedEvent("PROD-001", "delivery-1", 5, "delivery", 5, 0))
                .when(new ReserveStockCommand("PROD-001", "order-1", 5))
                .expectEvents(new StockReservedEvent("PROD-001", "order-1", 5, 0, 5));
    }

    @Test
    void reservesAvailableStockForAnOrder() {
        fixture.given(CREATED_WITH_10)
                .when(new ReserveStockCommand("PROD-001", "order-1", 4))
                .expectEvents(new StockReservedEvent("PROD-001", "order-1", 4, 6, 4));
    }

    @Test
    void reservesTheLastUnits() {
        fixture.given(CREATED_WITH_10, new StockReservedEvent("PROD-001", "order-1", 4, 6, 4))
                .when(new ReserveStockCommand("PROD-001", "order-2", 6))
                .expectEvents(new StockReservedEvent("PROD-001", "order-2", 6, 0, 10));
    }

    @Test
    void refusesReservationBeyondAvailableStockWithAnEvent() {
        fixture.given(CREATED_WITH_10, new StockReservedEvent("PROD-001", "order-1", 8, 2, 8))
                .when(new ReserveStockCommand("PROD-001", "order-2", 3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReservationRejectedEvent(
                        "PROD-001", "order-2", 3, 2, "PROD-001: 3 requested, 2 available"));
    }

    @Test
    void repeatedReservationForTheSameOrderIsNoOp() {
        fixture.given(CREATED_WITH_10, new StockReservedEvent("PROD-001", "order-1", 4, 6, 4))
                .when(new ReserveStockCommand("PROD-001", "order-1", 4))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectsReservationOfNoUnits() {
        fixture.given(CREATED_WITH_10)
                .when(new ReserveStockCommand("PROD-001", "order-1", 0))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void releaseGivesTheOrdersUnitsBack() {
        fixture.given(
                        CREATED_WITH_10,
                        new StockReservedEvent("PROD-001", "order-1", 4, 6, 4),
                        new StockReservedEvent("PROD-001", "order-2", 5, 1, 9))
                .when(new ReleaseStockCommand("PROD-001", "order-1"))
                .expectEvents(new StockReleasedEvent("PROD-001", "order-1", 4, 5, 5));
    }

    @Test
    void releaseWithoutReservationIsNoOp() {
        fixture.given(CREATED_WITH_10)
                .when(new ReleaseStockCommand("PROD-001", "order-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void repeatedReleaseIsNoOp() {
        fixture.given(
                        CREATED_WITH_10,
                        new StockReservedEvent("PROD-001", "order-1", 4, 6, 4),
                        new StockReleasedEvent("PROD-001", "order-1", 4, 10, 0))
                .when(new ReleaseStockCommand("PROD-001", "order-1"))
                .expectNoEvents();
    }

    @Test
    void releasedUnitsCanBeReservedAgain() {
        fixture.given(
                        CREATED_WITH_10,
                        new StockReservedEvent("PROD-001", "order-1", 10, 0, 10),
                        new StockReleasedEvent("PROD-001", "order-1", 10, 10, 0))
                .when(new ReserveStockCommand("PROD-001", "order-2", 10))
                .expectEvents(new StockReservedEvent("PROD-001", "order-2", 10, 0, 10));
    }

    @Test
    void commitTakesReservedUnitsOutOfStockForGood() {
        fixture.given(CREATED_WITH_10, new StockReservedEvent("PROD-001", "order-1", 4, 6, 4))
                .when(new CommitStockCommand("PROD-001", "order-1"))
                .expectEvents(new StockCommittedEvent("PROD-001", "order-1", 4, 6, 0));
    }

    @Test
    void committedUnitsAreNotAvailableAgain() {
        fixture.given(
                        CREATED_WITH_10,
                        new StockReservedEvent("PROD-001", "order-1", 4, 6, 4),
                        new StockCommittedEvent("PROD-001", "order-1", 4, 6, 0))
                .when(new ReserveStockCommand("PROD-001", "order-2", 7))
                .expectEvents(new StockReservationRejectedEvent(
                        "PROD-001", "order-2", 7, 6, "PROD-001: 7 requested, 6 available"));
    }

    @Test
    void repeatedCommitIsNoOp() {
        fixture.given(
                        CREATED_WITH_10,
                        new StockReservedEvent("PROD-001", "order-1", 4, 6, 4),
                        new StockCommittedEvent("PROD-001", "order-1", 4, 6, 0))
                .when(new CommitStockCommand("PROD-001", "order-1"))
                .expectNoEvents();
    }
}
