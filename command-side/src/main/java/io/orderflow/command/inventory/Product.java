package io.orderflow.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.inventory.CommitStockCommand;
import io.orderflow.api.inventory.CreateProductCommand;
import io.orderflow.api.inventory.ProductCreatedEvent;
import io.orderflow.api.inventory.ReleaseStockCommand;
import io.orderflow.api.inventory.ReserveStockCommand;
import io.orderflow.api.inventory.StockCommittedEvent;
import io.orderflow.api.inventory.StockReleasedEvent;
import io.orderflow.api.inventory.StockReservationRejectedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import io.orderflow.command.config.CommandSideConfiguration;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A catalog product and its stock. Prices of new orders are taken from here, never from the client. Stock on hand
 * is split into units reserved per order and units available; an order holds at most one reservation, so a repeated
 * reservation, release or commit for the same order changes nothing, and available stock never goes below zero.
 * <p>
 * Every order a product serves adds two events to its history, so a product lives long: it is loaded from its
 * latest snapshot (its fields, as JSON) and the events after it.
 */
@Aggregate(
        cache = CommandSideConfiguration.AGGREGATE_CACHE,
        snapshotTriggerDefinition = CommandSideConfiguration.PRODUCT_SNAPSHOTS)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Product {

    @AggregateIdentifier
    private String productId;

    private int stockOnHand;
    private Map<String, Integer> reservations;

    /** For Axon, which rebuilds a product from its events. */
    protected Product() {}

    @CommandHandler
    public Product(CreateProductCommand command) {
        if (command.productId() == null || command.productId().isBlank()) {
            throw new InvalidCommandException("A product needs an id");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidCommandException("Product " + command.productId() + " needs a name");
        }
        if (command.price() == null || !command.price().positive()) {
            throw new InvalidCommandException("Price of " + command.productId() + " must be positive");
        }
        if (command.initialStock() < 0) {
            throw new InvalidCommandException("Stock of " + command.productId() + " cannot be negative");
        }
        apply(new ProductCreatedEvent(command.productId(), command.name(), command.price(), command.initialStock()));
    }

    @CommandHandler
    void handle(ReserveStockCommand command) {
        if (command.quantity() < 1) {
            throw new InvalidCommandException("A reservation of " + productId + " needs at least one unit");
        }
        if (reservations.containsKey(command.orderId())) {
            return;
        }
        int available = available();
        if (command.quantity() > available) {
            apply(new StockReservationRejectedEvent(
                    productId,
                    command.orderId(),
                    command.quantity(),
                    available,
                    productId + ": " + command.quantity() + " requested, " + available + " available"));
            return;
        }
        apply(new StockReservedEvent(
                productId,
                command.orderId(),
                command.quantity(),
                available - command.quantity(),
                reserved() + command.quantity()));
    }

    @CommandHandler
    void handle(ReleaseStockCommand command) {
        Integer quantity = reservations.get(command.orderId());
        if (quantity != null) {
            apply(new StockReleasedEvent(
                    productId, command.orderId(), quantity, available() + quantity, reserved() - quantity));
        }
    }

    @CommandHandler
    void handle(CommitStockCommand command) {
        Integer quantity = reservations.get(command.orderId());
        if (quantity != null) {
            apply(new StockCommittedEvent(productId, command.orderId(), quantity, available(), reserved() - quantity));
        }
    }

    private int reserved() {
        return reservations.values().stream().mapToInt(Integer::intValue).sum();
    }

    private int available() {
        return stockOnHand - reserved();
    }

    @EventSourcingHandler
    void on(ProductCreatedEvent event) {
        productId = event.productId();
        stockOnHand = event.initialStock();
        reservations = new HashMap<>();
    }

    @EventSourcingHandler
    void on(StockReservedEvent event) {
        reservations.put(event.orderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(StockReleasedEvent event) {
        reservations.remove(event.orderId());
    }

    @EventSourcingHandler
    void on(StockCommittedEvent event) {
        reservations.remove(event.orderId());
        stockOnHand -= event.quantity();
    }
}
