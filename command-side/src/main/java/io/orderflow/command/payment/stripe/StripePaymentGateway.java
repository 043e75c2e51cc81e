package io.orderflow.command.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import io.orderflow.api.common.Money;
import io.orderflow.command.payment.PaymentGateway;
import io.orderflow.command.payment.PaymentProviderUnavailableException;
import io.orderflow.command.payment.PaymentRefusedException;
import java.util.Locale;

/**
 * Stripe through its official client: a PaymentIntent confirmed with manual capture holds the amount, and is then
 * captured, cancelled (void) or refunded. The client retries connection failures, 409s and 5xx answers itself, with
 * back-off and the same idempotency key; what still fails after that is reported as the provider being unavailable.
 * A card decline (402) is a business outcome.
 */
public class StripePaymentGateway implements PaymentGateway {

    private final StripeClient stripe;

    public StripePaymentGateway(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public Authorization authorize(AuthorizationRequest request) {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().minorUnits())
                .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.paymentMethod())
                .setConfirm(true)
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build())
                .putMetadata("payment_id", request.paymentId())
                .putMetadata("order_id", request.orderId())
                .build();
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(params, idempotent(request.idempotencyKey()));
            return switch (intent.getStatus()) {
                case "requires_capture", "succeeded" -> new Authorization.Authorized(intent.getId());
                case "requires_action" -> new Authorization.ActionRequired(intent.getId());
                default ->
                    new Authorization.Declined(intent.getStatus(), "Stripe left the payment " + intent.getStatus());
            };
        } catch (CardException e) {
            String code = e.getDeclineCode() != null ? e.getDeclineCode() : e.getCode();
            return new Authorization.Declined(code, e.getUserMessage());
        } catch (StripeException e) {
            if (isTransient(e)) {
                throw new PaymentProviderUnavailableException(
                        "Stripe did not authorize in time: " + e.getUserMessage(), e);
            }
            return new Authorization.Declined(
                    e.getCode() != null ? e.getCode() : "invalid_request", e.getUserMessage());
        }
    }

    @Override
    public void capture(String providerPaymentId, Money amount, String idempotencyKey) {
        call(
                "capture",
                () -> stripe.v1()
                        .paymentIntents()
                        .capture(
                                providerPaymentId,
                                PaymentIntentCaptureParams.builder()
                                        .setAmountToCapture(amount.minorUnits())
                                        .build(),
                                idempotent(idempotencyKey)));
    }

    @Override
    public void voidAuthorization(String providerPaymentId, String idempotencyKey) {
        call(
                "void",
                () -> stripe.v1()
                        .paymentIntents()
                        .cancel(
                                providerPaymentId,
                                PaymentIntentCancelParams.builder()
                                        .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                                        .build(),
                                idempotent(idempotencyKey)));
    }

    @Override
    public String refund(String providerPaymentId, Money amount, String idempotencyKey) {
        return call(
                        "refund",
                        () -> stripe.v1()
                                .refunds()
                                .create(
                                        RefundCreateParams.builder()
                                                .setPaymentIntent(providerPaymentId)
                                                .setAmount(amount.minorUnits())
                                                .build(),
                                        idempotent(idempotencyKey)))
                .getId();
    }

    private static <T> T call(String step, StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            if (isTransient(e)) {
                throw new PaymentProviderUnavailableException(
                        "Stripe did not " + step + " in time: " + e.getUserMessage(), e);
            }
            throw new PaymentRefusedException("Stripe refused to " + step + ": " + e.getUserMessage(), e);
        }
    }

    /** What the client already retried and may work later: no connection, rate limits, and Stripe's own errors. */
    private static boolean isTransient(StripeException e) {
        return e instanceof ApiConnectionException || e instanceof RateLimitException || e instanceof ApiException;
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }
}
