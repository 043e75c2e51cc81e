package io.orderflow.command.order;

import io.orderflow.api.common.Money;
import io.orderflow.api.order.OrderLine;
import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.api.order.PlaceOrderCommand;
import io.orderflow.api.order.ShippingAddress;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order: the lines a customer bought at the prices of the moment, where they go, and how far along its life it
 * is. It decides which transitions are allowed; the fulfilment saga drives it through them.
 */
@Aggregate
public class Order {

    static final int MAX_QUANTITY = 9999;

    @AggregateIdentifier
    private String orderId;
    private OrderStatus status;
    private List<OrderLine> lines;
    private ShippingAddress shippingAddress;
    private String paymentMethod;

    /** For Axon, which rebuilds an order from its events. */
    protected Order() {
    }

    /**
     * Places the order, or, when an order with this id exists already (the client sent the same idempotency key
     * again), accepts the repeat as a no-op if it asks for the same thing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(PlaceOrderCommand command, OrderPolicy policy) {
        if (orderId != null) {
            if (!isSameRequestAs(command)) {
                throw new IllegalStateException("Order " + orderId + " was already placed with this idempotency key"
                        + " for different items, address or payment method; use a new key for a new order");
            }
            return orderId;
        }
        requireValid(command);
        Money total = command.lines().stream()
                .map(OrderLine::lineTotal)
                .reduce(Money::plus)
                .orElseThrow();
        Instant placedAt = policy.clock().instant();
        apply(new OrderPlacedEvent(command.orderId(), command.customerId(), List.copyOf(command.lines()), total,
                command.shippingAddress(), command.paymentMethod(), placedAt,
                placedAt.plus(policy.paymentTimeout())));
        return command.orderId();
    }

    private static void requireValid(PlaceOrderCommand command) {
        if (command.customerId() == null || command.customerId().isBlank()) {
            throw new IllegalArgumentException("An order needs a customer");
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        if (command.shippingAddress() == null) {
            throw new IllegalArgumentException("An order needs a shipping address");
        }
        var productIds = new HashSet<String>();
        String currency = command.lines().get(0).unitPrice().currency();
        for (OrderLine line : command.lines()) {
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw new IllegalArgumentException("Quantity of " + line.productId() + " must be between 1 and "
                        + MAX_QUANTITY + ", was " + line.quantity());
            }
            if (!line.unitPrice().positive()) {
                throw new IllegalArgumentException("Price of " + line.productId() + " must be positive");
            }
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("All lines of an order must be in one currency");
            }
            if (!productIds.add(line.productId())) {
                throw new IllegalArgumentException("Product " + line.productId() + " appears on more than one line");
            }
        }
    }

    /** A repeat is the same request when it asks for the same products, quantities, address and payment method. */
    private boolean isSameRequestAs(PlaceOrderCommand command) {
        return command.lines() != null
                && quantitiesByProduct(command.lines()).equals(quantitiesByProduct(lines))
                && Objects.equals(command.shippingAddress(), shippingAddress)
                && Objects.equals(command.paymentMethod(), paymentMethod);
    }

    private static List<String> quantitiesByProduct(List<OrderLine> orderLines) {
        return orderLines.stream().map(line -> line.productId() + "x" + line.quantity()).sorted().toList();
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        status = OrderStatus.CREATED;
        lines = event.lines();
        shippingAddress = event.shippingAddress();
        paymentMethod = event.paymentMethod();
    }
}
