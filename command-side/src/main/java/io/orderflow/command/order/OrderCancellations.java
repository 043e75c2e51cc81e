package io.orderflow.command.order;

import io.orderflow.api.order.DerivedIds;
import io.orderflow.api.order.RequestOrderCancellationCommand;
import io.orderflow.command.shipping.Carrier;
import io.orderflow.command.shipping.Shipment;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * A request to call an order off, settled against its parcel in one unit of work, so that a cancellation and the
 * carrier's pick-up can never both win. The parcel is locked first (as the saga's compensation locks it before the
 * order), then the order decides whether it may be cancelled at all; a paid order's parcel that the carrier already
 * has makes the request a refusal (409), and a parcel still waiting is called off there and then. A pick-up reported
 * after that finds the booking cancelled and is undone by the {@link Shipment} (the parcel is called back).
 *
 * <p>An operator's forced compensation skips the parcel: the saga calls it back whatever its state.
 */
public class OrderCancellations {

    private final Repository<Order> orders;
    private final Repository<Shipment> shipments;
    private final EventStore events;
    private final Carrier carrier;

    public OrderCancellations(
            Repository<Order> orders, Repository<Shipment> shipments, EventStore events, Carrier carrier) {
        this.orders = orders;
        this.shipments = shipments;
        this.events = events;
        this.carrier = carrier;
    }

    @CommandHandler
    void handle(RequestOrderCancellationCommand command) {
        Optional<Aggregate<Shipment>> parcel =
                command.forced() ? Optional.empty() : booked(DerivedIds.shipmentOf(command.orderId()));
        boolean paid = orders.load(command.orderId()).invoke(order -> order.requestCancellation(command));
        if (paid) {
            parcel.ifPresent(shipment ->
                    shipment.execute(it -> it.callOffBeforePickUp(carrier, command.orderId(), command.reason())));
        }
    }

    /**
     * The parcel, locked, if it was booked. The store is asked first: a load of a parcel that was never booked fails,
     * and Axon logs each such failure as a warning with its stack trace, which an order cancelled before payment is
     * not. A parcel booked between the question and the load is then not called off here, as if it had been booked
     * just after the cancellation; the saga calls it off once the order is cancelled.
     */
    private Optional<Aggregate<Shipment>> booked(String shipmentId) {
        return events.lastSequenceNumberFor(shipmentId).isPresent()
                ? Optional.of(shipments.load(shipmentId))
                : Optional.empty();
    }
}
