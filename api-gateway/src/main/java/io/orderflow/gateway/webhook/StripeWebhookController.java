package io.orderflow.gateway.webhook;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import io.orderflow.api.common.Nullable;
import io.orderflow.api.payment.PaymentOutcome;
import io.orderflow.api.payment.RecordPaymentOutcomeCommand;
import io.orderflow.gateway.problem.FieldProblem;
import io.orderflow.gateway.problem.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payment intent outcomes reported by Stripe. The {@code Stripe-Signature} header is verified with the endpoint's
 * secret before anything is read; a missing or wrong signature is a 400 and changes nothing. Each outcome is applied
 * to the payment named in the intent's metadata, which ignores what it already knows, so Stripe's redeliveries are
 * harmless, and the answer says whether it changed the payment. Manual-capture outcomes may arrive in any order:
 * {@code amount_capturable_updated} (authorized), {@code succeeded} (captured), {@code payment_failed} (declined, the
 * customer's authentication failing included) and {@code canceled} (voided). Events about intents that are not
 * OrderFlow's are acknowledged and ignored.
 */
@RestController
@EnableConfigurationProperties(StripeWebhookProperties.class)
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
    private static final Map<String, PaymentOutcome> OUTCOMES = Map.of(
            "payment_intent.amount_capturable_updated", PaymentOutcome.AUTHORIZED,
            "payment_intent.payment_failed", PaymentOutcome.DECLINED,
            "payment_intent.succeeded", PaymentOutcome.CAPTURED,
            "payment_intent.canceled", PaymentOutcome.VOIDED);

    private final CommandGateway commands;
    private final StripeWebhookProperties properties;

    StripeWebhookController(CommandGateway commands, StripeWebhookProperties properties) {
        this.commands = commands;
        this.properties = properties;
    }

    /**
     * What became of a webhook.
     *
     * @param received the Stripe event's id
     * @param outcome  the payment outcome it reports ({@code AUTHORIZED}, {@code CAPTURED}, {@code DECLINED},
     *                 {@code VOIDED}), or null for an event type or an intent OrderFlow does not act
     *                 on
     * @param changed  the payment moved on; false for a redelivery or a report the payment has already moved past
     */
    record Receipt(String received, @Nullable String outcome, boolean changed) {}

    @PostMapping(path = "/api/webhooks/stripe", consumes = MediaType.APPLICATION_JSON_VALUE)
    Receipt receive(
            @RequestBody String payload, @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        Event event = verified(payload, signature);
        PaymentOutcome outcome = OUTCOMES.get(event.getType());
        Optional<PaymentIntent> intent = paymentIntent(event);
        String paymentId = intent.map(PaymentIntent::getMetadata)
                .map(metadata -> metadata.get("payment_id"))
                .orElse(null);
        if (outcome == null || paymentId == null) {
            return new Receipt(event.getId(), null, false);
        }
        var error = intent.get().getLastPaymentError();
        try {
            Boolean changed = commands.sendAndWait(new RecordPaymentOutcomeCommand(
                    paymentId,
                    intent.get().getId(),
                    outcome,
                    error == null
                            ? null
                            : Optional.ofNullable(error.getDeclineCode()).orElse(error.getCode()),
                    error == null ? null : error.getMessage()));
            return new Receipt(event.getId(), outcome.name(), Boolean.TRUE.equals(changed));
        } catch (AggregateNotFoundException unknownPayment) {
            log.warn("Stripe event {} names payment {}, which OrderFlow does not know", event.getId(), paymentId);
            return new Receipt(event.getId(), null, false);
        }
    }

    private Event verified(String payload, String signature) {
        String secret = properties.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw refused("cannot be verified: no webhook secret is configured (STRIPE_WEBHOOK_SECRET)");
        }
        if (signature == null || signature.isBlank()) {
            throw refused("is required");
        }
        try {
            return Webhook.constructEvent(
                    payload, signature, secret, properties.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            throw refused("does not match the payload: " + e.getMessage());
        } catch (RuntimeException malformed) {
            throw new InvalidRequestException(List.of(new FieldProblem("body", "is not a Stripe event")));
        }
    }

    /** The event's intent, read even when Stripe sent it in another API version than this client's. */
    private static Optional<PaymentIntent> paymentIntent(Event event) {
        var deserializer = event.getDataObjectDeserializer();
        StripeObject object;
        try {
            object = deserializer.getObject().orElseGet(() -> {
                try {
                    return deserializer.deserializeUnsafe();
                } catch (Exception e) {
                    return null;
                }
            });
        } catch (RuntimeException noApiVersion) {
            return Optional.empty();
        }
        return object instanceof PaymentIntent paymentIntent ? Optional.of(paymentIntent) : Optional.empty();
    }

    private static InvalidRequestException refused(String message) {
        return new InvalidRequestException(List.of(new FieldProblem("Stripe-Signature", message)));
    }
}
