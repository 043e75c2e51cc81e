package io.orderflow.query.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.common.Money;
import io.orderflow.api.payment.PaymentAuthorizedEvent;
import io.orderflow.api.payment.PaymentCapturedEvent;
import io.orderflow.api.payment.PaymentRefundedEvent;
import io.orderflow.query.MongoTestSupport;
import io.orderflow.query.QuerySide;
import io.orderflow.query.config.ProjectionBatches;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaymentProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final Money TOTAL = Money.of("19.99", "USD");

    private final MongoTestSupport mongo = new MongoTestSupport();
    private final PaymentProjection projection = new PaymentProjection(mongo.template());

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void paymentIsFollowedFromAuthorizationToRefund() {
        projection.on(new PaymentAuthorizedEvent("pay-1", "order-1", TOTAL, "pi_1"), AT);
        projection.on(new PaymentCapturedEvent("pay-1", "order-1", TOTAL), AT.plusSeconds(1));
        projection.on(
                new PaymentRefundedEvent("pay-1", "order-1", TOTAL, "re_1", "shipment failed"), AT.plusSeconds(2));

        assertThat(mongo.template().findById("pay-1", PaymentDocument.class))
                .isEqualTo(new PaymentDocument(
                        "pay-1",
                        "order-1",
                        "REFUNDED",
                        TOTAL,
                        "pi_1",
                        null,
                        "shipment failed",
                        "re_1",
                        AT.plusSeconds(2)));
    }

    @Test
    void repeatedEventLeavesTheSameDocument() {
        projection.on(new PaymentAuthorizedEvent("pay-1", "order-1", TOTAL, "pi_1"), AT);
        var first = mongo.template().findById("pay-1", PaymentDocument.class);
        projection.on(new PaymentAuthorizedEvent("pay-1", "order-1", TOTAL, "pi_1"), AT);

        assertThat(mongo.template().findAll(PaymentDocument.class)).containsExactly(first);
    }

    @Test
    void aBatchReadsItsPaymentsInOneQueryAndWritesEachOnceAtItsEnd() throws Exception {
        projection.on(new PaymentAuthorizedEvent("pay-1", "order-1", TOTAL, "pi_1"), AT);
        List<EventMessage<?>> batch = List.of(
                GenericEventMessage.asEventMessage(new PaymentCapturedEvent("pay-1", "order-1", TOTAL)),
                GenericEventMessage.asEventMessage(
                        new PaymentRefundedEvent("pay-1", "order-1", TOTAL, "re_1", "shipment failed")),
                GenericEventMessage.asEventMessage(new PaymentAuthorizedEvent("pay-2", "order-2", TOTAL, "pi_2")));
        var before = mongo.commands();

        ProjectionBatches.handle(mongo.template(), QuerySide.PAYMENT_PROJECTION, batch, event -> {
            if (event.getPayload() instanceof PaymentCapturedEvent captured) {
                projection.on(captured, AT.plusSeconds(1));
            } else if (event.getPayload() instanceof PaymentRefundedEvent refunded) {
                projection.on(refunded, AT.plusSeconds(2));
            } else {
                projection.on((PaymentAuthorizedEvent) event.getPayload(), AT.plusSeconds(3));
            }
            assertThat(mongo.commands().getOrDefault("update", 0))
                    .as("nothing written before the batch ends")
                    .isEqualTo(before.getOrDefault("update", 0));
        });
        var after = mongo.commands();

        assertThat(mongo.template().findById("pay-1", PaymentDocument.class).status())
                .isEqualTo("REFUNDED");
        assertThat(mongo.template().findById("pay-2", PaymentDocument.class).status())
                .isEqualTo("AUTHORIZED");
        assertThat(after.getOrDefault("find", 0) - before.getOrDefault("find", 0))
                .as("the batch's payments read in one query")
                .isEqualTo(1);
        assertThat(after.getOrDefault("findAndModify", 0) - before.getOrDefault("findAndModify", 0))
                .isZero();
        assertThat(after.get("update") - before.getOrDefault("update", 0))
                .as("one bulk write, then the checkpoint")
                .isEqualTo(2);
    }
}
