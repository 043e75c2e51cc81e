package io.orderflow.command.product;

import io.orderflow.api.inventory.CreateProductCommand;
import io.orderflow.api.inventory.ProductCreatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A catalog product and its stock on hand. Prices of new orders are taken from here, never from the client.
 */
@Aggregate
public class Product {

    @AggregateIdentifier
    private String productId;
    private int stockOnHand;

    /** For Axon, which rebuilds a product from its events. */
    protected Product() {
    }

    @CommandHandler
    public Product(CreateProductCommand command) {
        if (command.productId() == null || command.productId().isBlank()) {
            throw new IllegalArgumentException("A product needs an id");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw new IllegalArgumentException("Product " + command.productId() + " needs a name");
        }
        if (command.price() == null || !command.price().positive()) {
            throw new IllegalArgumentException("Price of " + command.productId() + " must be positive");
        }
        if (command.initialStock() < 0) {
            throw new IllegalArgumentException("Stock of " + command.productId() + " cannot be negative");
        }
        apply(new ProductCreatedEvent(command.productId(), command.name(), command.price(), command.initialStock()));
    }

    @EventSourcingHandler
    void on(ProductCreatedEvent event) {
        productId = event.productId();
        stockOnHand = event.initialStock();
    }
}
