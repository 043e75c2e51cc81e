package io.orderflow.command.payment;

import io.orderflow.api.common.Money;
import io.orderflow.api.payment.PaymentOutcome;

/**
 * The payment provider, as the {@link Payment} aggregate needs it. Every call carries an idempotency key derived from
 * the payment and the step, so a call repeated after a crash or a timeout is answered with the first call's result
 * instead of charging twice. Implementations retry transient failures themselves and then throw
 * {@link PaymentProviderUnavailableException}; a refusal that retrying cannot change is a
 * {@link PaymentRefusedException}; a declined card is not an exception but an {@link Authorization.Declined}.
 */
public interface PaymentGateway {

    Authorization authorize(AuthorizationRequest request);

    void capture(String providerPaymentId, Money amount, String idempotencyKey);

    void voidAuthorization(String providerPaymentId, String idempotencyKey);

    /** @return the provider's id of the refund */
    String refund(String providerPaymentId, Money amount, String idempotencyKey);

    /**
     * The provider reported this outcome for the intent on its own, in a verified webhook. A real provider is in
     * that state already; one that only simulates a provider takes it, as the provider's word.
     */
    default void reported(String providerPaymentId, PaymentOutcome outcome) {}

    record AuthorizationRequest(
            String paymentId, String orderId, Money amount, String paymentMethod, String idempotencyKey) {}

    /** What the provider answered to an authorization. */
    sealed interface Authorization {

        /** The amount is held and can be captured. */
        record Authorized(String providerPaymentId) implements Authorization {}

        /** The customer must act (3-D Secure); the outcome arrives later by webhook. */
        record ActionRequired(String providerPaymentId) implements Authorization {}

        /** The card was declined. */
        record Declined(String declineCode, String reason) implements Authorization {}
    }
}
