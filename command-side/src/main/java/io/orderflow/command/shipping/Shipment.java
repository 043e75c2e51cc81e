package io.orderflow.command.shipping;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.orderflow.api.common.CommandRefusedException;
import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.shipping.CancelShipmentCommand;
import io.orderflow.api.shipping.CreateShipmentCommand;
import io.orderflow.api.shipping.DeliverShipmentCommand;
import io.orderflow.api.shipping.DispatchShipmentCommand;
import io.orderflow.api.shipping.FailShipmentCommand;
import io.orderflow.api.shipping.ShipmentBookingRefusedEvent;
import io.orderflow.api.shipping.ShipmentCancelledEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDeliveredEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.api.shipping.ShipmentFailedEvent;
import io.orderflow.command.config.CommandSideConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One order's parcel: booked with the carrier, then dispatched and delivered, or failed, or cancelled before
 * pick-up. Carrier reports may arrive twice or out of order: a repeat changes nothing, and a delivery reported
 * before its dispatch records both. Reports about a parcel that already ended change nothing.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Shipment {

    @AggregateIdentifier
    private String shipmentId;

    private String orderId;
    private String carrier;
    private String trackingNumber;
    private ShipmentStatus status;

    /** For Axon, which rebuilds a shipment from its events. */
    protected Shipment() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateShipmentCommand command, Carrier carrierPort) {
        if (status != null) {
            return;
        }
        if (command.items() == null || command.items().isEmpty()) {
            throw new InvalidCommandException("A shipment needs at least one item");
        }
        var booking = carrierPort.book(new Carrier.BookingRequest(
                command.shipmentId(), command.orderId(), command.address(), command.items()));
        if (booking instanceof Carrier.Booking.Booked booked) {
            apply(new ShipmentCreatedEvent(
                    command.shipmentId(),
                    command.orderId(),
                    booked.carrier(),
                    booked.trackingNumber(),
                    command.address()));
        } else if (booking instanceof Carrier.Booking.Refused refused) {
            apply(new ShipmentBookingRefusedEvent(command.shipmentId(), command.orderId(), refused.reason()));
        }
    }

    @CommandHandler
    void handle(DispatchShipmentCommand command) {
        if (status == ShipmentStatus.CREATED) {
            apply(new ShipmentDispatchedEvent(shipmentId, orderId, carrier, trackingNumber));
        } else if (status == ShipmentStatus.REFUSED) {
            throw new CommandRefusedException("Shipment " + shipmentId + " was never booked and cannot be dispatched");
        }
    }

    @CommandHandler
    void handle(DeliverShipmentCommand command) {
        if (status == ShipmentStatus.CREATED) {
            apply(new ShipmentDispatchedEvent(shipmentId, orderId, carrier, trackingNumber));
        }
        if (status == ShipmentStatus.CREATED || status == ShipmentStatus.DISPATCHED) {
            apply(new ShipmentDeliveredEvent(shipmentId, orderId));
        } else if (status == ShipmentStatus.REFUSED) {
            throw new CommandRefusedException("Shipment " + shipmentId + " was never booked and cannot be delivered");
        }
    }

    @CommandHandler
    void handle(FailShipmentCommand command) {
        if (status == ShipmentStatus.CREATED || status == ShipmentStatus.DISPATCHED) {
            apply(new ShipmentFailedEvent(shipmentId, orderId, command.reason()));
        }
    }

    @CommandHandler
    void handle(CancelShipmentCommand command, Carrier carrierPort) {
        // once the carrier has the parcel it can no longer be called off; the order's compensation goes on
        // (the payment is refunded) and the parcel's own events tell where it went
        if (status == ShipmentStatus.CREATED) {
            carrierPort.cancel(trackingNumber);
            apply(new ShipmentCancelledEvent(shipmentId, orderId, command.reason()));
        }
    }

    @EventSourcingHandler
    void on(ShipmentCreatedEvent event) {
        shipmentId = event.shipmentId();
        orderId = event.orderId();
        carrier = event.carrier();
        trackingNumber = event.trackingNumber();
        status = ShipmentStatus.CREATED;
    }

    @EventSourcingHandler
    void on(ShipmentBookingRefusedEvent event) {
        shipmentId = event.shipmentId();
        orderId = event.orderId();
        status = ShipmentStatus.REFUSED;
    }

    @EventSourcingHandler
    void on(ShipmentDispatchedEvent event) {
        status = ShipmentStatus.DISPATCHED;
    }

    @EventSourcingHandler
    void on(ShipmentDeliveredEvent event) {
        status = ShipmentStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(ShipmentFailedEvent event) {
        status = ShipmentStatus.FAILED;
    }

    @EventSourcingHandler
    void on(ShipmentCancelledEvent event) {
        status = ShipmentStatus.CANCELLED;
    }
}
