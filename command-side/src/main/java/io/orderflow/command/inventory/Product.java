package io.orderflow.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
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
import io.orderflow.command.config.CommandSideConfiguration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A catalog product and its stock. Prices of new orders are taken from here, never from the client. Stock on hand
 * is split into units reserved per order and units available; an order holds at most one reservation, so a repeated
 * reservation, release or commit for the same order changes nothing, and available stock never goes below zero.
 * <p>
 * Every order a product serves adds two events to its history, so a product lives long: it is loaded from its
 * latest snapshot (its fields, as JSON) and the events after it.
 * <p>
 * Stock adjustments (deliveries, write-offs) carry an id; the last {@value #ADJUSTMENTS_REMEMBERED} are remembered,
 * so a repeated adjustment changes nothing. A write-off cannot take units that orders have reserved.
 * <p>
 * Revision 2 added the name, the price and the recent adjustments to the snapshot: a snapshot of another revision
 * is passed over (Axon's {@code RevisionSnapshotFilter}, set up for a {@code @Revision} aggregate) and the product
 * is rebuilt from its events, and snapshotted again.
 */
@Revision("2")
@Aggregate(
        cache = CommandSideConfiguration.AGGREGATE_CACHE,
        snapshotTriggerDefinition = CommandSideConfiguration.PRODUCT_SNAPSHOTS)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Product {

    /** How many recent adjustment ids a product keeps to recognize a repeated adjustment. */
    static final int ADJUSTMENTS_REMEMBERED = 1000;

    @AggregateIdentifier
    private String productId;

    private String name;
    private Money price;
    private int stockOnHand;
    private Map<String, Integer> reservations;
    private LinkedHashSet<String> recentAdjustments;

    /** For Axon, which rebuilds a product from its events. */
    protected Product() {}

    /** Creates the product; a product id already in the catalog is refused, whatever the event store underneath. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateProductCommand command) {
        if (productId != null) {
            throw new CommandRefusedException("There is already a product " + productId);
        }
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

    /** The product as it is now, after the change: the answer to a change made over HTTP. */
    @CommandHandler
    ProductView handle(ChangeProductDetailsCommand command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidCommandException("Product " + productId + " needs a name");
        }
        if (command.price() == null || !command.price().positive()) {
            throw new InvalidCommandException("Price of " + productId + " must be positive");
        }
        if (!command.name().equals(name) || !command.price().equals(price)) {
            apply(new ProductDetailsChangedEvent(productId, command.name(), command.price()));
        }
        return view();
    }

    /** The product with its stock levels after the adjustment (or as they are, when it was made before). */
    @CommandHandler
    ProductView handle(AdjustStockCommand command) {
        if (command.adjustmentId() == null || command.adjustmentId().isBlank()) {
            throw new InvalidCommandException("A stock adjustment of " + productId + " needs an id");
        }
        if (command.change() == 0) {
            throw new InvalidCommandException("A stock adjustment of " + productId + " must change the stock");
        }
        if (recentAdjustments.contains(command.adjustmentId())) {
            return view();
        }
        int available = available();
        if (available + command.change() < 0) {
            throw new CommandRefusedException("Cannot write off " + -command.change() + " of " + productId + ": "
                    + available + " available, " + reserved() + " reserved by orders");
        }
        apply(new StockAdjustedEvent(
                productId,
                command.adjustmentId(),
                command.change(),
                command.reason(),
                available + command.change(),
                reserved()));
        return view();
    }

    private ProductView view() {
        return new ProductView(productId, name, price, available(), reserved());
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
        name = event.name();
        price = event.price();
        stockOnHand = event.initialStock();
        reservations = new HashMap<>();
        recentAdjustments = new LinkedHashSet<>();
    }

    @EventSourcingHandler
    void on(ProductDetailsChangedEvent event) {
        name = event.name();
        price = event.price();
    }

    @EventSourcingHandler
    void on(StockAdjustedEvent event) {
        stockOnHand += event.change();
        recentAdjustments.add(event.adjustmentId());
        if (recentAdjustments.size() > ADJUSTMENTS_REMEMBERED) {
            recentAdjustments.remove(recentAdjustments.iterator().next());
        }
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
