package io.orderflow.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Projections share one processor, so a replay rewinds all of them; the replay's context names the projection to
 * rebuild. Driven through Axon's annotation adapter, as the processor drives them, against a MongoDB wire server.
 */
class ProjectionTest {

    private final MongoTestSupport mongo = new MongoTestSupport();
    private final Seen order = new Seen(new OrderSide(mongo));
    private final Seen payment = new Seen(new PaymentSide(mongo));

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aReplayOfOneProjectionClearsAndFeedsItAloneAndAReplayOfAllEveryOne() throws Exception {
        order.adapter.prepareReset(QuerySide.ORDER_PROJECTION);
        payment.adapter.prepareReset(QuerySide.ORDER_PROJECTION);
        TrackingToken rewound =
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), null, QuerySide.ORDER_PROJECTION);
        order.adapter.handle(replayed(rewound, "replayed"));
        payment.adapter.handle(replayed(rewound, "replayed"));

        assertThat(order.projection.events).containsExactly("replayed");
        assertThat(mongo.template().getCollection("order_side").countDocuments())
                .isZero();
        assertThat(payment.projection.events)
                .as("not rebuilt: the replayed event passes")
                .isEmpty();
        assertThat(mongo.template().getCollection("payment_side").countDocuments())
                .isEqualTo(1);

        order.adapter.handle(new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(11), GenericEventMessage.asEventMessage("live")));
        payment.adapter.handle(new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(11), GenericEventMessage.asEventMessage("live")));
        assertThat(payment.projection.events)
                .as("a live event reaches every projection")
                .containsExactly("live");

        payment.adapter.prepareReset(null);
        payment.adapter.handle(
                replayed(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), null), "all"));
        assertThat(mongo.template().getCollection("payment_side").countDocuments())
                .isZero();
        assertThat(payment.projection.events).containsExactly("live", "all");
    }

    @Test
    void aProjectionsOwnHandlersCannotHandleAnotherProjectionsReplay() {
        var shipment = new AnnotationEventHandlerAdapter(new ShipmentSide(mongo));
        TrackingToken ofOrders =
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), null, QuerySide.ORDER_PROJECTION);
        TrackingToken ofShipments =
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), null, QuerySide.SHIPMENT_PROJECTION);

        assertThat(shipment.canHandle(replayed(ofOrders, "replayed")))
                .as("passed by before Axon's work per handler")
                .isFalse();
        assertThat(shipment.canHandle(replayed(ofShipments, "replayed"))).isTrue();
        assertThat(shipment.canHandle(
                        replayed(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), null), "all")))
                .isTrue();
        assertThat(shipment.canHandle(new GenericTrackedEventMessage<>(
                        new GlobalSequenceTrackingToken(11), GenericEventMessage.asEventMessage("live"))))
                .isTrue();
    }

    private static TrackedEventMessage<?> replayed(TrackingToken rewound, String payload) {
        TrackingToken at = ((ReplayToken) rewound).advancedTo(new GlobalSequenceTrackingToken(1));
        return new GenericTrackedEventMessage<>(at, GenericEventMessage.asEventMessage(payload));
    }

    private static final class Seen {
        final RecordingProjection projection;
        final AnnotationEventHandlerAdapter adapter;

        Seen(RecordingProjection projection) {
            this.projection = projection;
            this.adapter = new AnnotationEventHandlerAdapter(projection);
        }
    }

    private abstract static class RecordingProjection extends Projection {
        final List<String> events = new ArrayList<>();

        RecordingProjection(MongoTestSupport mongo, Class<?> document, String collection) {
            super(mongo.template(), document);
            mongo.template().getCollection(collection).insertOne(new Document("_id", "before"));
        }

        @EventHandler
        void on(String event) {
            events.add(event);
        }
    }

    @org.springframework.data.mongodb.core.mapping.Document("order_side")
    private record OrderDocument(String id) {}

    @org.springframework.data.mongodb.core.mapping.Document("payment_side")
    private record PaymentDocument(String id) {}

    @ProcessingGroup(QuerySide.ORDER_PROJECTION)
    private static final class OrderSide extends RecordingProjection {
        OrderSide(MongoTestSupport mongo) {
            super(mongo, OrderDocument.class, "order_side");
        }
    }

    @org.springframework.data.mongodb.core.mapping.Document("shipment_side")
    private record ShipmentDocument(String id) {}

    /** Declares its handler itself, as the platform's projections do. */
    @ProcessingGroup(QuerySide.SHIPMENT_PROJECTION)
    private static final class ShipmentSide extends Projection {
        ShipmentSide(MongoTestSupport mongo) {
            super(mongo.template(), ShipmentDocument.class);
        }

        @EventHandler
        void on(String event) {}
    }

    @ProcessingGroup(QuerySide.PAYMENT_PROJECTION)
    private static final class PaymentSide extends RecordingProjection {
        PaymentSide(MongoTestSupport mongo) {
            super(mongo, PaymentDocument.class, "payment_side");
        }
    }
}
