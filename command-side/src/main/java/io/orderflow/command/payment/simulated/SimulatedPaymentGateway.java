package io.orderflow.command.payment.simulated;

import io.orderflow.api.common.Money;
import io.orderflow.api.payment.PaymentOutcome;
import io.orderflow.command.payment.PaymentGateway;
import io.orderflow.command.payment.PaymentRefusedException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The standalone default payment provider: behaves like Stripe's test mode for its test payment methods and keeps
 * its payment intents and the answer to every idempotency key in PostgreSQL tables of its own ({@code
 * simulated_payment_*}). Like a real provider it sits outside the platform's transactions: each call commits on
 * its own, so a platform crash after a call leaves the intent in place and a retry with the same key gets the first
 * answer back. Those tables are also where tests count authorizations and captures.
 *
 * <p>Test payment methods: {@code pm_card_chargeDeclined} declines ({@code generic_decline}),
 * {@code pm_card_chargeDeclinedInsufficientFunds} declines ({@code insufficient_funds}),
 * {@code pm_card_authenticationRequired} needs customer action, any other {@code pm_card_*} is authorized. The
 * customer's action is {@link #authenticate}, which the gateway offers as a test authentication page while this
 * provider is in use; a verified webhook about an intent sets the intent's state ({@link #reported}).
 */
public class SimulatedPaymentGateway implements PaymentGateway {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public SimulatedPaymentGateway(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Authorization authorize(AuthorizationRequest request) {
        Answer answer = answer(request.idempotencyKey(), "authorize", () -> {
            String intentId = "pi_sim_" + UUID.randomUUID().toString().replace("-", "");
            String method = request.paymentMethod();
            Answer outcome = switch (method) {
                case "pm_card_chargeDeclined" ->
                    new Answer(null, "declined", "generic_decline:Your card was declined.");
                case "pm_card_chargeDeclinedInsufficientFunds" ->
                    new Answer(null, "declined", "insufficient_funds:Your card has insufficient funds.");
                case "pm_card_authenticationRequired" -> new Answer(intentId, "requires_action", null);
                default ->
                    method.startsWith("pm_card_")
                            ? new Answer(intentId, "requires_capture", null)
                            : new Answer(
                                    null, "declined", "invalid_payment_method:No such PaymentMethod: '" + method + "'");
            };
            if (outcome.intentId() != null) {
                jdbc.update(
                        "insert into simulated_payment_intent (id, payment_id, order_id, amount_minor, currency,"
                                + " payment_method, status) values (?, ?, ?, ?, ?, ?, ?)",
                        intentId,
                        request.paymentId(),
                        request.orderId(),
                        request.amount().minorUnits(),
                        request.amount().currency(),
                        method,
                        outcome.status());
            }
            return outcome;
        });
        return switch (answer.status()) {
            case "requires_capture" -> new Authorization.Authorized(answer.intentId());
            case "requires_action" -> new Authorization.ActionRequired(answer.intentId());
            default ->
                new Authorization.Declined(
                        answer.detail().substring(0, answer.detail().indexOf(':')),
                        answer.detail().substring(answer.detail().indexOf(':') + 1));
        };
    }

    @Override
    public void capture(String providerPaymentId, Money amount, String idempotencyKey) {
        refuseUnlessDone(answer(
                idempotencyKey,
                "capture",
                () -> transition(providerPaymentId, List.of("requires_capture"), "succeeded", "captured")));
    }

    @Override
    public void voidAuthorization(String providerPaymentId, String idempotencyKey) {
        refuseUnlessDone(answer(
                idempotencyKey,
                "void",
                () -> transition(
                        providerPaymentId, List.of("requires_capture", "requires_action"), "canceled", "canceled")));
    }

    @Override
    public String refund(String providerPaymentId, Money amount, String idempotencyKey) {
        Answer answer = answer(idempotencyKey, "refund", () -> {
            Answer refunded = transition(providerPaymentId, List.of("succeeded"), "refunded", "refunded");
            if (refunded.status().equals("refunded")) {
                String refundId = "re_sim_" + UUID.randomUUID().toString().replace("-", "");
                jdbc.update(
                        "insert into simulated_payment_refund (id, intent_id, amount_minor) values (?, ?, ?)",
                        refundId,
                        providerPaymentId,
                        amount.minorUnits());
                return new Answer(providerPaymentId, "refunded", refundId);
            }
            return refunded;
        });
        refuseUnlessDone(answer);
        return answer.detail();
    }

    /**
     * The customer finishes (or fails) the 3-D Secure step of the order's intent that waits for it, as on Stripe's
     * test authentication page: a finished one can be captured, a failed one needs another payment method.
     *
     * @return the intent that waited, with its new status; empty when none of the order's intents waited
     */
    public Optional<Intent> authenticate(String orderId, boolean completed) {
        return ownTransaction.execute(status -> jdbc
                .query(
                        "update simulated_payment_intent set status = ?, updated_at = now()"
                                + " where order_id = ? and status = 'requires_action' returning id, payment_id, status",
                        (row, i) -> new Intent(row.getString(1), row.getString(2), row.getString(3)),
                        completed ? "requires_capture" : "requires_payment_method",
                        orderId)
                .stream()
                .findFirst());
    }

    /** The order's latest intent, as the provider holds it. */
    public Optional<Intent> intentOf(String orderId) {
        return jdbc
                .query(
                        "select id, payment_id, status from simulated_payment_intent where order_id = ?"
                                + " order by created_at desc limit 1",
                        (row, i) -> new Intent(row.getString(1), row.getString(2), row.getString(3)),
                        orderId)
                .stream()
                .findFirst();
    }

    /** A signed webhook is the provider's word: the intent takes the state it reports. */
    @Override
    public void reported(String providerPaymentId, PaymentOutcome outcome) {
        String reportedStatus = switch (outcome) {
            case AUTHORIZED -> "requires_capture";
            case DECLINED -> "requires_payment_method";
            case CAPTURED -> "succeeded";
            case VOIDED -> "canceled";
            case REFUNDED -> "refunded";
        };
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "update simulated_payment_intent set status = ?, updated_at = now() where id = ?",
                reportedStatus,
                providerPaymentId));
    }

    /** A payment intent of the simulated provider. */
    public record Intent(String id, String paymentId, String status) {}

    private Answer transition(String intentId, List<String> from, String to, String done) {
        List<String> current = jdbc.queryForList(
                "select status from simulated_payment_intent where id = ? for update", String.class, intentId);
        if (current.isEmpty()) {
            return new Answer(intentId, "refused", "No such PaymentIntent: '" + intentId + "'");
        }
        if (!from.contains(current.get(0))) {
            return new Answer(intentId, "refused", "This PaymentIntent has a status of " + current.get(0));
        }
        jdbc.update("update simulated_payment_intent set status = ?, updated_at = now() where id = ?", to, intentId);
        return new Answer(intentId, done, null);
    }

    private static void refuseUnlessDone(Answer answer) {
        if (answer.status().equals("refused")) {
            throw new PaymentRefusedException(answer.detail());
        }
    }

    /**
     * The answer stored for the idempotency key, or the outcome of {@code work} stored under it, in a transaction of
     * the provider's own; two concurrent calls with one key get the same answer.
     */
    private Answer answer(String idempotencyKey, String operation, Supplier<Answer> work) {
        return stored(idempotencyKey).orElseGet(() -> {
            try {
                return ownTransaction.execute(status -> {
                    Answer answer = work.get();
                    jdbc.update(
                            "insert into simulated_payment_request (idempotency_key, operation, intent_id, status,"
                                    + " detail) values (?, ?, ?, ?, ?)",
                            idempotencyKey,
                            operation,
                            answer.intentId(),
                            answer.status(),
                            answer.detail());
                    return answer;
                });
            } catch (DuplicateKeyException concurrentCallWithTheSameKey) {
                return stored(idempotencyKey).orElseThrow();
            }
        });
    }

    private Optional<Answer> stored(String idempotencyKey) {
        return jdbc
                .query(
                        "select intent_id, status, detail from simulated_payment_request where idempotency_key = ?",
                        (row, i) -> new Answer(row.getString(1), row.getString(2), row.getString(3)),
                        idempotencyKey)
                .stream()
                .findFirst();
    }

    private record Answer(String intentId, String status, String detail) {}
}
