package io.orderflow.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.common.Money;
import io.orderflow.api.payment.AuthorizePaymentCommand;
import io.orderflow.api.payment.CapturePaymentCommand;
import io.orderflow.api.payment.PaymentActionRequiredEvent;
import io.orderflow.api.payment.PaymentAuthorizationFailedEvent;
import io.orderflow.api.payment.PaymentAuthorizedEvent;
import io.orderflow.api.payment.PaymentCaptureFailedEvent;
import io.orderflow.api.payment.PaymentCapturedEvent;
import io.orderflow.api.payment.PaymentDeclinedEvent;
import io.orderflow.api.payment.PaymentRefundedEvent;
import io.orderflow.api.payment.PaymentVoidedEvent;
import io.orderflow.api.payment.RecordPaymentOutcomeCommand;
import io.orderflow.api.payment.ReversePaymentCommand;
import io.orderflow.command.config.CommandSideConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One order's payment with the provider: authorized (held), then captured when the parcel leaves, or voided or
 * refunded when the order is undone. Each provider call uses the idempotency key {@code <paymentId>:<step>}, so a
 * command retried after a crash meets the provider's record of the first attempt rather than a second charge. A
 * declined card is an event; a provider outage during authorization is an event the saga may retry on; an outage
 * during a later step fails the command so that the step is retried.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Payment {

    @AggregateIdentifier
    private String paymentId;

    private String orderId;
    private Money amount;
    private String providerPaymentId;
    private PaymentStatus status;

    /** For Axon, which rebuilds a payment from its events. */
    protected Payment() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AuthorizePaymentCommand command, PaymentGateway gateway) {
        if (status != null && status != PaymentStatus.AUTHORIZATION_FAILED) {
            return;
        }
        if (command.amount() == null || !command.amount().positive()) {
            throw new InvalidCommandException("A payment needs a positive amount");
        }
        PaymentGateway.Authorization authorization;
        try {
            authorization = gateway.authorize(new PaymentGateway.AuthorizationRequest(
                    command.paymentId(),
                    command.orderId(),
                    command.amount(),
                    command.paymentMethod(),
                    idempotencyKey(command.paymentId(), "authorize")));
        } catch (PaymentProviderUnavailableException e) {
            apply(new PaymentAuthorizationFailedEvent(
                    command.paymentId(), command.orderId(), command.amount(), e.getMessage()));
            return;
        }
        if (authorization instanceof PaymentGateway.Authorization.Authorized authorized) {
            apply(new PaymentAuthorizedEvent(
                    command.paymentId(), command.orderId(), command.amount(), authorized.providerPaymentId()));
        } else if (authorization instanceof PaymentGateway.Authorization.ActionRequired pending) {
            apply(new PaymentActionRequiredEvent(
                    command.paymentId(), command.orderId(), command.amount(), pending.providerPaymentId()));
        } else if (authorization instanceof PaymentGateway.Authorization.Declined declined) {
            apply(new PaymentDeclinedEvent(
                    command.paymentId(), command.orderId(), declined.declineCode(), declined.reason()));
        }
    }

    @CommandHandler
    void handle(CapturePaymentCommand command, PaymentGateway gateway) {
        if (status == PaymentStatus.CAPTURED
                || status == PaymentStatus.REFUNDED
                || status == PaymentStatus.CAPTURE_FAILED) {
            return;
        }
        if (status != PaymentStatus.AUTHORIZED) {
            apply(new PaymentCaptureFailedEvent(paymentId, orderId, "the payment is " + status + ", not authorized"));
            return;
        }
        try {
            gateway.capture(providerPaymentId, amount, idempotencyKey(paymentId, "capture"));
            apply(new PaymentCapturedEvent(paymentId, orderId, amount));
        } catch (PaymentRefusedException e) {
            apply(new PaymentCaptureFailedEvent(paymentId, orderId, e.getMessage()));
        }
    }

    @CommandHandler
    void handle(ReversePaymentCommand command, PaymentGateway gateway) {
        if (status == PaymentStatus.AUTHORIZED || status == PaymentStatus.ACTION_REQUIRED) {
            try {
                gateway.voidAuthorization(providerPaymentId, idempotencyKey(paymentId, "void"));
                apply(new PaymentVoidedEvent(paymentId, orderId, command.reason()));
            } catch (PaymentRefusedException e) {
                // the provider holds nothing for it any more (the authorization lapsed): the outcome is the same
                apply(new PaymentVoidedEvent(paymentId, orderId, command.reason() + "; provider: " + e.getMessage()));
            }
        } else if (status == PaymentStatus.CAPTURED) {
            String refundId = gateway.refund(providerPaymentId, amount, idempotencyKey(paymentId, "refund"));
            apply(new PaymentRefundedEvent(paymentId, orderId, amount, refundId, command.reason()));
        }
    }

    /** Applies what the provider reported on its own (a webhook), when it is news to this payment. */
    @CommandHandler
    void handle(RecordPaymentOutcomeCommand command) {
        boolean undecided = status == PaymentStatus.ACTION_REQUIRED || status == PaymentStatus.AUTHORIZATION_FAILED;
        switch (command.outcome()) {
            case AUTHORIZED -> {
                if (undecided) {
                    apply(new PaymentAuthorizedEvent(paymentId, orderId, amount, command.providerPaymentId()));
                }
            }
            case DECLINED -> {
                if (undecided) {
                    apply(new PaymentDeclinedEvent(paymentId, orderId, command.declineCode(), command.reason()));
                }
            }
            case CAPTURED -> {
                if (status == PaymentStatus.AUTHORIZED) {
                    apply(new PaymentCapturedEvent(paymentId, orderId, amount));
                }
            }
            case VOIDED -> {
                if (status == PaymentStatus.AUTHORIZED || status == PaymentStatus.ACTION_REQUIRED) {
                    apply(new PaymentVoidedEvent(paymentId, orderId, "cancelled at the provider"));
                }
            }
            case REFUNDED -> {
                if (status == PaymentStatus.CAPTURED) {
                    apply(new PaymentRefundedEvent(paymentId, orderId, amount, null, "refunded at the provider"));
                }
            }
        }
    }

    static String idempotencyKey(String paymentId, String step) {
        return paymentId + ":" + step;
    }

    @EventSourcingHandler
    void on(PaymentAuthorizationFailedEvent event) {
        paymentId = event.paymentId();
        orderId = event.orderId();
        amount = event.amount();
        status = PaymentStatus.AUTHORIZATION_FAILED;
    }

    @EventSourcingHandler
    void on(PaymentActionRequiredEvent event) {
        paymentId = event.paymentId();
        orderId = event.orderId();
        amount = event.amount();
        providerPaymentId = event.providerPaymentId();
        status = PaymentStatus.ACTION_REQUIRED;
    }

    @EventSourcingHandler
    void on(PaymentAuthorizedEvent event) {
        paymentId = event.paymentId();
        orderId = event.orderId();
        amount = event.amount();
        providerPaymentId = event.providerPaymentId();
        status = PaymentStatus.AUTHORIZED;
    }

    @EventSourcingHandler
    void on(PaymentDeclinedEvent event) {
        paymentId = event.paymentId();
        orderId = event.orderId();
        status = PaymentStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(PaymentCapturedEvent event) {
        status = PaymentStatus.CAPTURED;
    }

    @EventSourcingHandler
    void on(PaymentCaptureFailedEvent event) {
        status = PaymentStatus.CAPTURE_FAILED;
    }

    @EventSourcingHandler
    void on(PaymentVoidedEvent event) {
        status = PaymentStatus.VOIDED;
    }

    @EventSourcingHandler
    void on(PaymentRefundedEvent event) {
        status = PaymentStatus.REFUNDED;
    }
}
