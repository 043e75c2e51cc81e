package io.orderflow.command.order;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.orderflow.api.common.CommandRefusedException;
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
import io.orderflow.api.order.OrderTransitionRefusedException;
import io.orderflow.api.order.PlaceOrderCommand;
import io.orderflow.api.order.RejectOrderCommand;
import io.orderflow.api.order.RequestOrderCancellationCommand;
import io.orderflow.api.order.RetryOrderStepCommand;
import io.orderflow.command.config.CommandSideConfiguration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An order: the lines a customer bought at the prices of the moment, where they go, and how far along its life it
 * is. It decides which transitions are allowed; the fulfilment saga drives it through them.
 *
 * <p>Every command handler says, in one {@code switch} over the status, what each status does with it. The saga's
 * progress commands are tolerant: repeated, or overtaken by a cancellation that is already undoing the order, they
 * change nothing (the saga learns of the cancellation from its own event and compensates). A transition that no saga
 * path can ask for, or a request the order can no longer grant, is refused with an {@link
 * OrderTransitionRefusedException} that says why.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Order {

    @AggregateIdentifier
    private String orderId;

    private OrderStatus status;
    private OrderPlacement placement;
    private Instant expiresAt;

    /** For Axon, which rebuilds an order from its events. */
    protected Order() {}

    /**
     * Places the order, or, when an order with this id exists already (the client sent the same idempotency key
     * again), accepts the repeat as a no-op if it asks for the same thing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(PlaceOrderCommand command, OrderPolicy policy) {
        if (orderId != null) {
            if (!placement.isRepeatedBy(command)) {
                throw new CommandRefusedException("Order " + orderId + " was already placed with this idempotency"
                        + " key for different items, address or payment method; use a new key for a new order");
            }
            return orderId;
        }
        OrderPlacement requested = OrderPlacement.checked(command);
        Instant placedAt = policy.clock().instant();
        apply(new OrderPlacedEvent(
                command.orderId(),
                requested.customerId(),
                requested.lines(),
                requested.total(),
                requested.shippingAddress(),
                requested.paymentMethod(),
                placedAt,
                placedAt.plus(policy.paymentTimeout())));
        return command.orderId();
    }

    @CommandHandler
    void handle(MarkOrderAwaitingPaymentCommand command) {
        switch (status) {
            case CREATED -> apply(new OrderAwaitingPaymentEvent(orderId));
            case AWAITING_PAYMENT, PAID, SHIPPED, DELIVERED, CANCELLING, REJECTED, CANCELLED, EXPIRED ->
                repeatedOrOvertaken();
            default -> throw unknownStatus();
        }
    }

    @CommandHandler
    void handle(MarkOrderPaidCommand command) {
        switch (status) {
            case AWAITING_PAYMENT -> apply(new OrderPaidEvent(orderId, command.paymentId()));
            case CREATED ->
                throw refused("cannot be paid before its stock is reserved; retry the RESERVATION step first");
            case PAID, SHIPPED, DELIVERED, CANCELLING, REJECTED, CANCELLED, EXPIRED -> repeatedOrOvertaken();
            default -> throw unknownStatus();
        }
    }

    @CommandHandler
    void handle(MarkOrderShippedCommand command) {
        switch (status) {
            case PAID ->
                apply(new OrderShippedEvent(
                        orderId, command.shipmentId(), command.carrier(), command.trackingNumber()));
            case CREATED, AWAITING_PAYMENT -> throw refused("cannot ship before it is paid");
            case SHIPPED, DELIVERED, CANCELLING, REJECTED, CANCELLED, EXPIRED -> repeatedOrOvertaken();
            default -> throw unknownStatus();
        }
    }

    @CommandHandler
    void handle(MarkOrderDeliveredCommand command) {
        switch (status) {
            case SHIPPED -> apply(new OrderDeliveredEvent(orderId));
            case CREATED, AWAITING_PAYMENT, PAID -> throw refused("cannot be delivered before it ships");
            case DELIVERED, CANCELLING, REJECTED, CANCELLED, EXPIRED -> repeatedOrOvertaken();
            default -> throw unknownStatus();
        }
    }

    /**
     * Records a customer's or an operator's request to call the order off, when its status allows it; {@link
     * OrderCancellations} settles it with the parcel first.
     *
     * @return the order is paid, so its parcel may be booked already
     */
    boolean requestCancellation(RequestOrderCancellationCommand command) {
        if (!command.operator() && !placement.customerId().equals(command.requestedBy())) {
            // the same answer as for an order that does not exist, so that order ids tell a stranger nothing
            throw new AggregateNotFoundException(orderId, "There is no order " + orderId);
        }
        OrderStatus before = status;
        switch (status) {
            case CREATED, AWAITING_PAYMENT, PAID -> apply(cancellationRequested(command));
            case SHIPPED -> {
                if (!command.forced()) {
                    throw refused("has already been dispatched and can no longer be cancelled;"
                            + " refuse the parcel or return it instead");
                }
                apply(cancellationRequested(command));
            }
            case CANCELLING -> repeatedOrOvertaken();
            case DELIVERED -> throw refused("can no longer be cancelled; return the parcel instead");
            case REJECTED, CANCELLED, EXPIRED -> throw refused("has ended; there is nothing left to cancel");
            default -> throw unknownStatus();
        }
        return before == OrderStatus.PAID;
    }

    @CommandHandler
    void handle(RetryOrderStepCommand command) {
        switch (status) {
            case CREATED, AWAITING_PAYMENT, PAID, SHIPPED ->
                apply(new OrderStepRetryRequestedEvent(orderId, command.step(), command.requestedBy()));
            case CANCELLING -> throw refused("is being cancelled; there is no step left to retry");
            case DELIVERED, REJECTED, CANCELLED, EXPIRED -> throw refused("has ended; there is no step left to retry");
            default -> throw unknownStatus();
        }
    }

    /** The saga's verdict after undoing every step; final once given. */
    @CommandHandler
    void handle(RejectOrderCommand command) {
        switch (status) {
            case CREATED, AWAITING_PAYMENT, PAID, SHIPPED, CANCELLING ->
                apply(new OrderRejectedEvent(orderId, command.reason()));
            case DELIVERED, REJECTED, CANCELLED, EXPIRED -> repeatedOrOvertaken();
            default -> throw unknownStatus();
        }
    }

    /** The saga's verdict after undoing every step; final once given. */
    @CommandHandler
    void handle(CancelOrderCommand command) {
        switch (status) {
            case CREATED, AWAITING_PAYMENT, PAID, SHIPPED, CANCELLING ->
                apply(new OrderCancelledEvent(orderId, command.reason()));
            case DELIVERED, REJECTED, CANCELLED, EXPIRED -> repeatedOrOvertaken();
            default -> throw unknownStatus();
        }
    }

    /** The saga's verdict when the payment deadline passed; final once given. */
    @CommandHandler
    void handle(ExpireOrderCommand command) {
        switch (status) {
            case CREATED, AWAITING_PAYMENT, CANCELLING ->
                apply(new OrderExpiredEvent(orderId, "not paid by " + expiresAt));
            case PAID, SHIPPED -> throw refused("is paid and cannot expire");
            case DELIVERED, REJECTED, CANCELLED, EXPIRED -> repeatedOrOvertaken();
            default -> throw unknownStatus();
        }
    }

    private OrderCancellationRequestedEvent cancellationRequested(RequestOrderCancellationCommand command) {
        return new OrderCancellationRequestedEvent(orderId, command.reason(), command.requestedBy());
    }

    /** Every switch names every status; this answers one added to {@link OrderStatus} but not to the switches. */
    private IllegalStateException unknownStatus() {
        return new IllegalStateException(
                "Order " + orderId + " is in status " + status + ", which this aggregate" + " does not know yet");
    }

    /** A refusal of the order in its present status, with what stands in the way. */
    private OrderTransitionRefusedException refused(String why) {
        return new OrderTransitionRefusedException(
                orderId, status, "Order " + orderId + " is " + status + " and " + why);
    }

    /**
     * A step the order has taken already, or one that a cancellation or a final verdict overtook: nothing to do (the
     * saga learns of the cancellation from its own event and compensates).
     */
    private static void repeatedOrOvertaken() {
        // tolerated on purpose: see the class comment
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
