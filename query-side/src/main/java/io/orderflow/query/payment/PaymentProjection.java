package io.orderflow.query.payment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.orderflow.api.payment.PaymentActionRequiredEvent;
import io.orderflow.api.payment.PaymentAuthorizationFailedEvent;
import io.orderflow.api.payment.PaymentAuthorizedEvent;
import io.orderflow.api.payment.PaymentCaptureFailedEvent;
import io.orderflow.api.payment.PaymentCapturedEvent;
import io.orderflow.api.payment.PaymentDeclinedEvent;
import io.orderflow.api.payment.PaymentRefundedEvent;
import io.orderflow.api.payment.PaymentVoidedEvent;
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
 * Keeps the {@code payments} collection in step with the payment events: each sets the fields it knows (upserting
 * the document on a payment's first event), so applying an event twice leaves the same document.
 */
@Component
@ProcessingGroup(QuerySide.PAYMENT_PROJECTION)
class PaymentProjection extends Projection {

    private final MongoTemplate mongo;

    PaymentProjection(MongoTemplate mongo) {
        super(mongo, PaymentDocument.class);
        this.mongo = mongo;
    }

    @EventHandler
    void on(PaymentAuthorizationFailedEvent event, @Timestamp Instant at) {
        change(
                event.paymentId(),
                event.orderId(),
                "AUTHORIZATION_FAILED",
                at,
                new Update().set("amount", event.amount()).set("reason", event.reason()));
    }

    @EventHandler
    void on(PaymentActionRequiredEvent event, @Timestamp Instant at) {
        change(
                event.paymentId(),
                event.orderId(),
                "ACTION_REQUIRED",
                at,
                new Update().set("amount", event.amount()).set("providerPaymentId", event.providerPaymentId()));
    }

    @EventHandler
    void on(PaymentAuthorizedEvent event, @Timestamp Instant at) {
        change(
                event.paymentId(),
                event.orderId(),
                "AUTHORIZED",
                at,
                new Update().set("amount", event.amount()).set("providerPaymentId", event.providerPaymentId()));
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, @Timestamp Instant at) {
        change(
                event.paymentId(),
                event.orderId(),
                "DECLINED",
                at,
                new Update().set("declineCode", event.declineCode()).set("reason", event.reason()));
    }

    @EventHandler
    void on(PaymentCapturedEvent event, @Timestamp Instant at) {
        change(event.paymentId(), event.orderId(), "CAPTURED", at, new Update());
    }

    @EventHandler
    void on(PaymentCaptureFailedEvent event, @Timestamp Instant at) {
        change(event.paymentId(), event.orderId(), "CAPTURE_FAILED", at, new Update().set("reason", event.reason()));
    }

    @EventHandler
    void on(PaymentVoidedEvent event, @Timestamp Instant at) {
        change(event.paymentId(), event.orderId(), "VOIDED", at, new Update().set("reason", event.reason()));
    }

    @EventHandler
    void on(PaymentRefundedEvent event, @Timestamp Instant at) {
        change(
                event.paymentId(),
                event.orderId(),
                "REFUNDED",
                at,
                new Update().set("reason", event.reason()).set("providerRefundId", event.providerRefundId()));
    }

    private void change(String paymentId, String orderId, String status, Instant at, Update update) {
        mongo.findAndModify(
                query(where("_id").is(paymentId)),
                update.set("orderId", orderId).set("status", status).set("updatedAt", at),
                FindAndModifyOptions.options().upsert(true),
                PaymentDocument.class);
    }
}
