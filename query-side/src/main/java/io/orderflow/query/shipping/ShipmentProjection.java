package io.orderflow.query.shipping;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.orderflow.api.shipping.ShipmentBookingRefusedEvent;
import io.orderflow.api.shipping.ShipmentCancelledEvent;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDeliveredEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.api.shipping.ShipmentFailedEvent;
import io.orderflow.api.shipping.ShipmentReturnRefusedEvent;
import io.orderflow.api.shipping.ShipmentReturnRequestedEvent;
import io.orderflow.api.shipping.ShipmentReturnedEvent;
import io.orderflow.query.Projection;
import io.orderflow.query.QuerySide;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code shipments} collection in step with the shipment events: each sets the fields it knows
 * (upserting on a parcel's first event), so applying an event twice leaves the same document.
 */
@Component
@ProcessingGroup(QuerySide.SHIPMENT_PROJECTION)
class ShipmentProjection extends Projection {

    private final MongoTemplate mongo;

    ShipmentProjection(MongoTemplate mongo) {
        super(mongo, ShipmentDocument.class);
        this.mongo = mongo;
    }

    @EventHandler
    void on(ShipmentCreatedEvent event, @Timestamp Instant at) {
        change(
                event.shipmentId(),
                event.orderId(),
                "CREATED",
                at,
                new Update().set("carrier", event.carrier()).set("trackingNumber", event.trackingNumber()));
    }

    @EventHandler
    void on(ShipmentBookingRefusedEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "REFUSED", at, new Update().set("reason", event.reason()));
    }

    @EventHandler
    void on(ShipmentDispatchedEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "DISPATCHED", at, new Update());
    }

    @EventHandler
    void on(ShipmentDeliveredEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "DELIVERED", at, new Update());
    }

    @EventHandler
    void on(ShipmentFailedEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "FAILED", at, new Update().set("reason", event.reason()));
    }

    @EventHandler
    void on(ShipmentCancelledEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "CANCELLED", at, new Update().set("reason", event.reason()));
    }

    @EventHandler
    void on(ShipmentReturnRequestedEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "RETURN_REQUESTED", at, new Update().set("reason", event.reason()));
    }

    @EventHandler
    void on(ShipmentReturnedEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "RETURNED", at, new Update());
    }

    @EventHandler
    void on(ShipmentReturnRefusedEvent event, @Timestamp Instant at) {
        change(event.shipmentId(), event.orderId(), "RETURN_REFUSED", at, new Update().set("reason", event.reason()));
    }

    private void change(String shipmentId, String orderId, String status, Instant at, Update update) {
        mongo.findAndModify(
                query(where("_id").is(shipmentId)),
                update.set("orderId", orderId).set("status", status).set("updatedAt", at),
                FindAndModifyOptions.options().upsert(true),
                ShipmentDocument.class);
    }
}
