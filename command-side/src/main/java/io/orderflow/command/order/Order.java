package io.orderflow.command.order;

import io.orderflow.api.order.CancelOrderCommand;
import io.orderflow.api.order.ExpireOrderCommand;
import io.orderflow.api.order.MarkOrderAwaitingPaymentCommand;
import io.orderflow.api.order.MarkOrderDeliveredCommand;
import io.orderflow.api.order.MarkOrderPaidCommand;
import io.orderflow.api.order.MarkOrderShippedCommand;
import io.orderflow.api.order.OrderAwaitingPaymentEvent;
import io.orderflow.api.order.OrderCancellationRequestedEvent;
import io.orderflow.api.order.OrderCancelledEvent;
import io.orderflow.api.order.OrderDeliveredEvent;
import io.orderflow.api.order.OrderExpiredEvent;
import io.orderflow.api.order.OrderPaidEvent;
import io.orderflow.api.order.OrderPlacedEvent;
import io.orderflow.api.order.OrderRejectedEvent;
import io.orderflow.api.order.OrderShippedEvent;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.api.order.OrderStepRetryRequestedEvent;
import io.orderflow.api.order.PlaceOrderCommand;
import io.orderflow.api.order.RejectOrderCommand;
import io.orderflow.api.order.RequestOrderCancellationCommand;
import io.orderflow.api.order.RetryOrderStepCommand;
import io.orderflow.command.config.CommandSideConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order: the lines a customer bought at the prices of the moment, where they go, and how far along its life it
 * is. It decides which transitions are allowed; the fulfilment saga drives it through them.
 *
 * <p>The saga's progress commands are tolerant: repeated, or overtaken by a cancellation that is already undoing the
 * order, they change nothing (the saga learns of the cancellation from its own event and compensates). A transition
 * that no saga path can ask for, or a customer's request the order can no longer grant, is refused with a reason.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Order {

    private static final Set<OrderStatus> CANCELLABLE =
            EnumSet.of(OrderStatus.CREATED, OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID);

    @AggregateIdentifier
    private String orderId;
    private OrderStatus status;
    private OrderPlacement placement;
    private Instant expiresAt;

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
            if (!placement.isRepeatedBy(command)) {
                throw new IllegalStateException("Order " + orderId + " was already placed with this idempotency key"
                        + " for different items, address or payment method; use a new key for a new order");
            }
            return orderId;
        }
        OrderPlacement requested = OrderPlacement.checked(command);
        Instant placedAt = policy.clock().instant();
        apply(new OrderPlacedEvent(command.orderId(), requested.customerId(), requested.lines(), requested.total(),
                requested.shippingAddress(), requested.paymentMethod(), placedAt, placedAt.plus(policy.paymentTimeout())));
        return command.orderId();
    }

    @CommandHandler
    void handle(MarkOrderAwaitingPaymentCommand command) {
        if (status == OrderStatus.CREATED) {
            apply(new OrderAwaitingPaymentEvent(orderId));
        }
    }

    @CommandHandler
    void handle(MarkOrderPaidCommand command) {
        if (status == OrderStatus.AWAITING_PAYMENT) {
            apply(new OrderPaidEvent(orderId, command.paymentId()));
        } else if (status == OrderStatus.CREATED) {
            throw new IllegalStateException("Order " + orderId + " cannot be paid before its stock is reserved");
        }
    }

    @CommandHandler
    void handle(MarkOrderShippedCommand command) {
        if (status == OrderStatus.PAID) {
            apply(new OrderShippedEvent(orderId, command.shipmentId(), command.carrier(), command.trackingNumber()));
        } else if (status == OrderStatus.CREATED || status == OrderStatus.AWAITING_PAYMENT) {
            throw new IllegalStateException("Order " + orderId + " cannot ship before it is paid");
        }
    }

    @CommandHandler
    void handle(MarkOrderDeliveredCommand command) {
        if (status == OrderStatus.SHIPPED) {
            apply(new OrderDeliveredEvent(orderId));
        } else if (CANCELLABLE.contains(status)) {
            throw new IllegalStateException("Order " + orderId + " cannot be delivered before it ships");
        }
    }

    @CommandHandler
    void handle(RequestOrderCancellationCommand command) {
        if (!command.operator() && !placement.customerId().equals(command.requestedBy())) {
            // the same answer as for an order that does not exist, so that order ids tell a stranger nothing
            throw new AggregateNotFoundException(orderId, "There is no order " + orderId);
        }
        if (status == OrderStatus.CANCELLING) {
            return;
        }
        if (status == OrderStatus.SHIPPED && !command.forced()) {
            throw new IllegalStateException("Order " + orderId + " has already been dispatched and can no longer be"
                    + " cancelled; refuse the parcel or return it instead");
        }
        if (!CANCELLABLE.contains(status) && status != OrderStatus.SHIPPED) {
            throw new IllegalStateException("Order " + orderId + " is already " + status + " and cannot be cancelled");
        }
        apply(new OrderCancellationRequestedEvent(orderId, command.reason(), command.requestedBy()));
    }

    @CommandHandler
    void handle(RetryOrderStepCommand command) {
        if (status.isTerminal() || status == OrderStatus.CANCELLING) {
            throw new IllegalStateException("Order " + orderId + " is " + status + "; there is no step left to retry");
        }
        apply(new OrderStepRetryRequestedEvent(orderId, command.step(), command.requestedBy()));
    }

    /** The saga's verdict after undoing every step; final once given. */
    @CommandHandler
    void handle(RejectOrderCommand command) {
        if (!status.isTerminal()) {
            apply(new OrderRejectedEvent(orderId, command.reason()));
        }
    }

    /** The saga's verdict after undoing every step; final once given. */
    @CommandHandler
    void handle(CancelOrderCommand command) {
        if (!status.isTerminal()) {
            apply(new OrderCancelledEvent(orderId, command.reason()));
        }
    }

    /** The saga's verdict when the payment deadline passed; final once given. */
    @CommandHandler
    void handle(ExpireOrderCommand command) {
        if (status.isTerminal()) {
            return;
        }
        if (status == OrderStatus.PAID || status == OrderStatus.SHIPPED) {
            throw new IllegalStateException("Order " + orderId + " is paid and cannot expire");
        }
        apply(new OrderExpiredEvent(orderId, "not paid by " + expiresAt));
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        status = OrderStatus.CREATED;
        placement = OrderPlacement.of(event);
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(OrderAwaitingPaymentEvent event) {
        status = OrderStatus.AWAITING_PAYMENT;
    }

    @EventSourcingHandler
    void on(OrderPaidEvent event) {
        status = OrderStatus.PAID;
    }

    @EventSourcingHandler
    void on(OrderShippedEvent event) {
        status = OrderStatus.SHIPPED;
    }

    @EventSourcingHandler
    void on(OrderDeliveredEvent event) {
        status = OrderStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(OrderCancellationRequestedEvent event) {
        status = OrderStatus.CANCELLING;
    }

    @EventSourcingHandler
    void on(OrderRejectedEvent event) {
        status = OrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderExpiredEvent event) {
        status = OrderStatus.EXPIRED;
    }
}
