package io.orderflow.query.shipping;

import io.orderflow.api.shipping.ShipmentBookingRefusedEvent;
import io.orderflow.api.shipping.ShipmentCancelledEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDeliveredEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.api.shipping.ShipmentFailedEvent;
import io.orderflow.api.shipping.ShipmentReturnRefusedEvent;
import io.orderflow.api.shipping.ShipmentReturnRequestedEvent;
import io.orderflow.api.shipping.ShipmentReturnedEvent;
import io.orderflow.query.QuerySide;
import io.orderflow.query.config.ReadModelBatch;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code shipments} collection in step with the shipment events: each sets the fields it knows on the
 * parcel as its batch has it (making it on the parcel's first event), so applying an event twice leaves the same
 * document.
 */
@Component
@ProcessingGroup(QuerySide.SHIPMENT_PROJECTION)
class ShipmentProjection {

    private final MongoTemplate mongo;

    ShipmentProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ShipmentDocument.class);
    }

    @EventHandler
    void on(ShipmentCreatedEvent event, @Timestamp Instant at) {
        change(
                event.shipmentId(),
                event.orderId(),
                "CREATED",
                at,
                parcel -> parcel.withCarrier(event.carrier(), event.trackingNumber()));
    }

    @EventHandler
    void on(ShipmentBookingRefusedEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "REFUSED", at, parcel -> parcel.withReason(event.reason()));
    }

    @EventHandler
    void on(ShipmentDispatchedEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "DISPATCHED", at, UnaryOperator.identity());
    }

    @EventHandler
    void on(ShipmentDeliveredEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "DELIVERED", at, UnaryOperator.identity());
    }

    @EventHandler
    void on(ShipmentFailedEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "FAILED", at, parcel -> parcel.withReason(event.reason()));
    }

    @EventHandler
    void on(ShipmentCancelledEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "CANCELLED", at, parcel -> parcel.withReason(event.reason()));
    }

    @EventHandler
    void on(ShipmentReturnRequestedEvent event, @Timestamp Instant at) {
        change(
                event.shipmentId(),
                event.orderId(),
                "RETURN_REQUESTED",
                at,
                parcel -> parcel.withReason(event.reason()));
    }

    @EventHandler
    void on(ShipmentReturnedEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "RETURNED", at, UnaryOperator.identity());
    }

    @EventHandler
    void on(ShipmentReturnRefusedEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "RETURN_REFUSED", at, parcel -> parcel.withReason(event.reason()));
    }

    /** The parcel as the batch leaves it ({@link ReadModelBatch}: one write per parcel per batch). */
    private void change(
            String shipmentId, String orderId, String status, Instant at, UnaryOperator<ShipmentDocument> fields) {
        ReadModelBatch batch = ReadModelBatch.current(mongo);
        ShipmentDocument parcel =
                batch.find(ShipmentDocument.class, shipmentId).orElseGet(() -> ShipmentDocument.of(shipmentId));
        batch.save(fields.apply(parcel.changed(orderId, status, at)));
    }
}
