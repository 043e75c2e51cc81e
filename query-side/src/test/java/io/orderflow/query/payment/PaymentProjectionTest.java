package io.orderflow.query.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.common.Money;
import io.orderflow.api.payment.PaymentAuthorizedEvent;
import io.orderflow.api.payment.PaymentCapturedEvent;
import io.orderflow.api.payment.PaymentRefundedEvent;
import io.orderflow.query.MongoTestSupport;
import java.time.Instant;
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
}
