package io.orderflow.command.shipping;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.orderflow.api.common.CommandRefusedException;
import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.shipping.CancelShipmentCommand;
import io.orderflow.api.shipping.ConfirmShipmentReturnCommand;
import io.orderflow.api.shipping.CreateShipmentCommand;
import io.orderflow.api.shipping.DeliverShipmentCommand;
import io.orderflow.api.shipping.DispatchShipmentCommand;
import io.orderflow.api.shipping.FailShipmentCommand;
import io.orderflow.api.shipping.ParcelCallOff;
import io.orderflow.api.shipping.RefuseShipmentReturnCommand;
import io.orderflow.api.shipping.ShipmentBookingRefusedEvent;
import io.orderflow.api.shipping.ShipmentCancelledEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDeliveredEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.api.shipping.ShipmentFailedEvent;
import io.orderflow.api.shipping.ShipmentReturnRefusedEvent;
import io.orderflow.api.shipping.ShipmentReturnRequestedEvent;
import io.orderflow.api.shipping.ShipmentReturnedEvent;
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
 *
 * <p>A parcel is never left unaccounted for: one called off once the carrier has it, or picked up after its booking
 * was cancelled, is called back ({@code RETURN_REQUESTED}), and ends {@code RETURNED} or {@code RETURN_REFUSED} as
 * the carrier reports.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Shipment {

    @AggregateIdentifier
    private String shipmentId;

    private String orderId;
    private String carrier;
    private String trackingNumber;
    private ShippingAddress address;
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

    /** The carrier has the parcel; after a cancelled booking the pick-up is undone (the parcel is called back). */
    @CommandHandler
    void handle(DispatchShipmentCommand command, Carrier carrierPort) {
        switch (status) {
            case CREATED -> apply(new ShipmentDispatchedEvent(shipmentId, orderId, carrier, trackingNumber));
            case CANCELLED -> {
                apply(new ShipmentDispatchedEvent(shipmentId, orderId, carrier, trackingNumber));
                recall(carrierPort, "picked up after its booking was cancelled");
            }
            case REFUSED ->
                throw new CommandRefusedException(
                        "Shipment " + shipmentId + " was never booked and cannot be dispatched");
            case DISPATCHED, DELIVERED, FAILED, RETURN_REQUESTED, RETURNED, RETURN_REFUSED -> {
                // reported before, or overtaken by what the carrier reported since
            }
        }
    }

    @CommandHandler
    void handle(DeliverShipmentCommand command, Carrier carrierPort) {
        switch (status) {
            case CREATED -> {
                apply(new ShipmentDispatchedEvent(shipmentId, orderId, carrier, trackingNumber));
                apply(new ShipmentDeliveredEvent(shipmentId, orderId));
            }
            case DISPATCHED -> apply(new ShipmentDeliveredEvent(shipmentId, orderId));
            case CANCELLED -> {
                apply(new ShipmentDispatchedEvent(shipmentId, orderId, carrier, trackingNumber));
                apply(new ShipmentDeliveredEvent(shipmentId, orderId));
                recall(carrierPort, "delivered after its booking was cancelled");
            }
            case REFUSED ->
                throw new CommandRefusedException(
                        "Shipment " + shipmentId + " was never booked and cannot be delivered");
            case DELIVERED, FAILED, RETURN_REQUESTED, RETURNED, RETURN_REFUSED -> {
                // reported before, or the parcel is on its way back
            }
        }
    }

    @CommandHandler
    void handle(FailShipmentCommand command) {
        switch (status) {
            case CREATED, DISPATCHED -> apply(new ShipmentFailedEvent(shipmentId, orderId, command.reason()));
            case RETURN_REQUESTED ->
                apply(new ShipmentReturnRefusedEvent(shipmentId, orderId, "lost on its way back: " + command.reason()));
            case REFUSED, DELIVERED, FAILED, CANCELLED, RETURNED, RETURN_REFUSED -> {
                // the parcel's story has ended
            }
        }
    }

    /**
     * Calls the parcel off: before pick-up the booking is cancelled; once the carrier (or the customer) has it, the
     * carrier is asked to bring it back.
     */
    @CommandHandler
    ParcelCallOff handle(CancelShipmentCommand command, Carrier carrierPort) {
        return switch (status) {
            case CREATED -> {
                cancelBooking(carrierPort, command.reason());
                yield ParcelCallOff.CANCELLED;
            }
            case DISPATCHED, DELIVERED -> recall(carrierPort, command.reason());
            case REFUSED, FAILED, CANCELLED, RETURN_REQUESTED, RETURNED, RETURN_REFUSED -> ParcelCallOff.NOTHING;
        };
    }

    /**
     * A customer's cancellation reaching the parcel: it cancels a booking the carrier has not picked up yet, and is
     * refused once the carrier has the parcel.
     */
    public void callOffBeforePickUp(Carrier carrierPort, String forOrder, String reason) {
        switch (status) {
            case CREATED -> cancelBooking(carrierPort, reason);
            case DISPATCHED, DELIVERED, RETURN_REQUESTED, RETURNED, RETURN_REFUSED ->
                throw new CommandRefusedException("Order " + forOrder + " can no longer be cancelled: the carrier"
                        + " picked its parcel up; refuse the parcel or return it instead");
            case REFUSED, FAILED, CANCELLED -> {
                // no parcel is on its way
            }
        }
    }

    @CommandHandler
    void handle(ConfirmShipmentReturnCommand command) {
        if (status == ShipmentStatus.RETURN_REQUESTED) {
            apply(new ShipmentReturnedEvent(shipmentId, orderId));
        }
    }

    @CommandHandler
    void handle(RefuseShipmentReturnCommand command) {
        if (status == ShipmentStatus.RETURN_REQUESTED) {
            apply(new ShipmentReturnRefusedEvent(shipmentId, orderId, command.reason()));
        }
    }

    private void cancelBooking(Carrier carrierPort, String reason) {
        carrierPort.cancel(trackingNumber);
        apply(new ShipmentCancelledEvent(shipmentId, orderId, reason));
    }

    private ParcelCallOff recall(Carrier carrierPort, String reason) {
        var answer = carrierPort.requestReturn(new Carrier.ReturnRequest(shipmentId, trackingNumber, address));
        if (answer instanceof Carrier.ReturnAnswer.Refused refused) {
            apply(new ShipmentReturnRefusedEvent(shipmentId, orderId, refused.reason()));
            return ParcelCallOff.RETURN_REFUSED;
        }
        apply(new ShipmentReturnRequestedEvent(shipmentId, orderId, carrier, address, reason));
        return ParcelCallOff.RETURN_REQUESTED;
    }

    @EventSourcingHandler
    void on(ShipmentCreatedEvent event) {
        shipmentId = event.shipmentId();
        orderId = event.orderId();
        carrier = event.carrier();
        trackingNumber = event.trackingNumber();
        address = event.address();
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

    @EventSourcingHandler
    void on(ShipmentReturnRequestedEvent event) {
        status = ShipmentStatus.RETURN_REQUESTED;
    }

    @EventSourcingHandler
    void on(ShipmentReturnedEvent event) {
        status = ShipmentStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(ShipmentReturnRefusedEvent event) {
        status = ShipmentStatus.RETURN_REFUSED;
    }
}
