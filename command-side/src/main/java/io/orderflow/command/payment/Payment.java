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
 *
 * <p>A payment that needs the customer's authentication (3-D Secure) waits in {@code ACTION_REQUIRED} for the
 * provider's report of the outcome ({@link RecordPaymentOutcomeCommand}).
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
        switch (status) {
            case AUTHORIZED, ACTION_REQUIRED, CAPTURE_FAILED -> {
                try {
                    gateway.voidAuthorization(providerPaymentId, idempotencyKey(paymentId, "void"));
                    apply(new PaymentVoidedEvent(paymentId, orderId, command.reason()));
                } catch (PaymentRefusedException e) {
                    // the provider holds nothing for it any more (the authorization lapsed): the outcome is the same
                    apply(new PaymentVoidedEvent(
                            paymentId, orderId, command.reason() + "; provider: " + e.getMessage()));
                }
            }
            case CAPTURED -> {
                String refundId = gateway.refund(providerPaymentId, amount, idempotencyKey(paymentId, "refund"));
                apply(new PaymentRefundedEvent(paymentId, orderId, amount, refundId, command.reason()));
            }
            case AUTHORIZATION_FAILED, DECLINED, VOIDED, REFUNDED -> {
                // nothing is held or taken at the provider
            }
        }
    }

    /**
     * Applies what the provider reported on its own (a verified webhook), when it is news to this payment, and
     * answers whether it was. Outcomes may arrive in any order: one the payment has moved past changes nothing, and
     * money the provider reports held or taken for a payment that was declined here is given back at once. The
     * provider is told first, so that one which only simulates a provider takes the state its webhook reports.
     */
    @CommandHandler
    boolean handle(RecordPaymentOutcomeCommand command, PaymentGateway gateway) {
        String intent = providerPaymentId != null ? providerPaymentId : command.providerPaymentId();
        gateway.reported(intent, command.outcome());
        boolean undecided = status == PaymentStatus.ACTION_REQUIRED || status == PaymentStatus.AUTHORIZATION_FAILED;
        switch (command.outcome()) {
            case AUTHORIZED -> {
                if (undecided) {
                    apply(new PaymentAuthorizedEvent(paymentId, orderId, amount, command.providerPaymentId()));
                    return true;
                }
                if (status == PaymentStatus.DECLINED) {
                    return giveBack(() -> {
                        gateway.voidAuthorization(intent, idempotencyKey(paymentId, "void"));
                        apply(new PaymentVoidedEvent(
                                paymentId, orderId, "authorized at the provider after it was declined; released"));
                    });
                }
            }
            case CAPTURED -> {
                if (undecided) {
                    apply(new PaymentAuthorizedEvent(paymentId, orderId, amount, command.providerPaymentId()));
                }
                if (undecided || status == PaymentStatus.AUTHORIZED) {
                    apply(new PaymentCapturedEvent(paymentId, orderId, amount));
                    return true;
                }
                if (status == PaymentStatus.DECLINED) {
                    return giveBack(() -> apply(new PaymentRefundedEvent(
                            paymentId,
                            orderId,
                            amount,
                            gateway.refund(intent, amount, idempotencyKey(paymentId, "refund")),
                            "captured at the provider after it was declined; refunded")));
                }
            }
            case DECLINED -> {
                if (undecided) {
                    apply(new PaymentDeclinedEvent(paymentId, orderId, command.declineCode(), command.reason()));
                    return true;
                }
            }
            case VOIDED -> {
                if (undecided || status == PaymentStatus.AUTHORIZED || status == PaymentStatus.CAPTURE_FAILED) {
                    apply(new PaymentVoidedEvent(paymentId, orderId, "cancelled at the provider"));
                    return true;
                }
            }
            case REFUNDED -> {
                if (status == PaymentStatus.CAPTURED) {
                    apply(new PaymentRefundedEvent(paymentId, orderId, amount, null, "refunded at the provider"));
                    return true;
                }
            }
        }
        return false;
    }

    /** Gives back money the provider reports for a declined payment; false when the provider holds none any more. */
    private static boolean giveBack(Runnable release) {
        try {
            release.run();
            return true;
        } catch (PaymentRefusedException nothingHeld) {
            return false;
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
