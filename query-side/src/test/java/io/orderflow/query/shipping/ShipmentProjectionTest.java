package io.orderflow.query.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.order.ShippingAddress;
import io.orderflow.api.shipping.ShipmentCreatedEvent;
import io.orderflow.api.shipping.ShipmentDispatchedEvent;
import io.orderflow.api.shipping.ShipmentFailedEvent;
import io.orderflow.query.MongoTestSupport;
import java.time.Instant;
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
}
