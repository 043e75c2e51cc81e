package io.orderflow.query.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.api.shipping.ShipmentFailedEvent;
import io.orderflow.query.MongoTestSupport;
import io.orderflow.query.QuerySide;
import io.orderflow.query.config.ProjectionBatches;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShipmentProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 St", null, "London", "N1", "GB");

    private final MongoTestSupport mongo = new MongoTestSupport();
    private final ShipmentProjection projection = new ShipmentProjection(mongo.template());

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void parcelIsFollowedFromBookingToLoss() {
        projection.on(new ShipmentCreatedEvent("ship-1", "order-1", "Carrier", "TRACK-1", ADDRESS), AT);
        projection.on(new ShipmentDispatchedEvent("ship-1", "order-1", "Carrier", "TRACK-1"), AT.plusSeconds(1));
        projection.on(new ShipmentFailedEvent("ship-1", "order-1", "lost in transit"), AT.plusSeconds(2));

        assertThat(mongo.template().findById("ship-1", ShipmentDocument.class))
                .isEqualTo(new ShipmentDocument(
                        "ship-1", "order-1", "FAILED", "Carrier", "TRACK-1", "lost in transit", AT.plusSeconds(2)));
    }

    @Test
    void repeatedEventLeavesTheSameDocument() {
        projection.on(new ShipmentCreatedEvent("ship-1", "order-1", "Carrier", "TRACK-1", ADDRESS), AT);
        var first = mongo.template().findById("ship-1", ShipmentDocument.class);
        projection.on(new ShipmentCreatedEvent("ship-1", "order-1", "Carrier", "TRACK-1", ADDRESS), AT);

        assertThat(mongo.template().findAll(ShipmentDocument.class)).containsExactly(first);
    }

    @Test
    void aBatchReadsItsParcelsInOneQueryAndWritesEachOnceAtItsEnd() throws Exception {
        projection.on(new ShipmentCreatedEvent("ship-1", "order-1", "Carrier", "TRACK-1", ADDRESS), AT);
        List<EventMessage<?>> batch = List.of(
                GenericEventMessage.asEventMessage(
                        new ShipmentDispatchedEvent("ship-1", "order-1", "Carrier", "TRACK-1")),
                GenericEventMessage.asEventMessage(new ShipmentFailedEvent("ship-1", "order-1", "lost in transit")));
        var before = mongo.commands();

        ProjectionBatches.handle(mongo.template(), QuerySide.SHIPMENT_PROJECTION, batch, event -> {
            if (event.getPayload() instanceof ShipmentDispatchedEvent dispatched) {
                projection.on(dispatched, AT.plusSeconds(1));
            } else {
                projection.on((ShipmentFailedEvent) event.getPayload(), AT.plusSeconds(2));
            }
            assertThat(mongo.commands().getOrDefault("update", 0))
                    .as("nothing written before the batch ends")
                    .isEqualTo(before.getOrDefault("update", 0));
        });
        var after = mongo.commands();

        assertThat(mongo.template().findById("ship-1", ShipmentDocument.class))
                .isEqualTo(new ShipmentDocument(
                        "ship-1", "order-1", "FAILED", "Carrier", "TRACK-1", "lost in transit", AT.plusSeconds(2)));
        assertThat(after.getOrDefault("find", 0) - before.getOrDefault("find", 0))
                .as("the batch's parcels read in one query")
                .isEqualTo(1);
        assertThat(after.getOrDefault("findAndModify", 0) - before.getOrDefault("findAndModify", 0))
                .isZero();
    }
}
