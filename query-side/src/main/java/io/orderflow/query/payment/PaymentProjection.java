package io.orderflow.query.payment;

import io.orderflow.api.payment.PaymentActionRequiredEvent;
import io.orderflow.api.payment.PaymentAuthorizationFailedEvent;
import io.orderflow.api.payment.PaymentAuthorizedEvent;
import io.orderflow.api.payment.PaymentCaptureFailedEvent;
import io.orderflow.api.payment.PaymentCapturedEvent;
import io.orderflow.api.payment.PaymentDeclinedEvent;
import io.orderflow.api.payment.PaymentRefundedEvent;
import io.orderflow.api.payment.PaymentVoidedEvent;
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
 * Keeps the {@code payments} collection in step with the payment events: each sets the fields it knows on the
 * payment as its batch has it (making it on the payment's first event), so applying an event twice leaves the same
 * document.
 */
@Component
@ProcessingGroup(QuerySide.PAYMENT_PROJECTION)
class PaymentProjection {

    private final MongoTemplate mongo;

    PaymentProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), PaymentDocument.class);
    }

    @EventHandler
    void on(PaymentAuthorizationFailedEvent event, @Timestamp Instant at) {
        change(
                event.paymentId(),
                event.orderId(),
                "AUTHORIZATION_FAILED",
                at,
                payment -> payment.withAmount(event.amount()).withReason(event.reason()));
    }

    @EventHandler
    void on(PaymentActionRequiredEvent event, @Timestamp Instant at) {
        change(
                event.paymentId(),
                event.orderId(),
                "ACTION_REQUIRED",
                at,
                payment -> payment.withAmount(event.amount()).withProviderPaymentId(event.providerPaymentId()));
    }

    @EventHandler
    void on(PaymentAuthorizedEvent event, @Timestamp Instant at) {
        change(
                event.paymentId(),
                event.orderId(),
                "AUTHORIZED",
                at,
                payment -> payment.withAmount(event.amount()).withProviderPaymentId(event.providerPaymentId()));
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, @Timestamp Instant at) {
        change(
                event.paymentId(),
                event.orderId(),
                "DECLINED",
                at,
                payment -> payment.withDeclineCode(event.declineCode()).withReason(event.reason()));
    }

    @EventHandler
    void on(PaymentCapturedEvent event, @Timestamp Instant at) {
        change(event.paymentId(), event.orderId(), "CAPTURED", at, UnaryOperator.identity());
    }

    @EventHandler
    void on(PaymentCaptureFailedEvent event, @Timestamp Instant at) {
        change(event.paymentId(), event.orderId(), "CAPTURE_FAILED", at, payment -> payment.withReason(event.reason()));
    }

    @EventHandler
    void on(PaymentVoidedEvent event, @Timestamp Instant at) {
        change(event.paymentId(), event.orderId(), "VOIDED", at, payment -> payment.withReason(event.reason()));
    }

    @EventHandler
    void on(PaymentRefundedEvent event, @Timestamp Instant at) {
        change(
                event.paymentId(),
                event.orderId(),
                "REFUNDED",
                at,
                payment -> payment.withReason(event.reason()).withProviderRefundId(event.providerRefundId()));
    }

    /** The payment as the batch leaves it ({@link ReadModelBatch}: one write per payment per batch). */
    private void change(
            String paymentId, String orderId, String status, Instant at, UnaryOperator<PaymentDocument> fields) {
        ReadModelBatch batch = ReadModelBatch.current(mongo);
        PaymentDocument payment =
                batch.find(PaymentDocument.class, paymentId).orElseGet(() -> PaymentDocument.of(paymentId));
        batch.save(fields.apply(payment.changed(orderId, status, at)));
    }
}
