package io.orderflow.api.payment;

/**
 * The customer finishes, or fails, the 3-D Secure step that the order's payment waits for, at the simulated payment
 * provider (the stand-in for Stripe's test authentication page). Handled only while the simulated provider is in
 * use; with Stripe the customer authenticates at Stripe, which reports the outcome by webhook.
 *
 * @param completed the customer completed the authentication; {@code false}: it failed
 */
public record FinishSimulatedAuthenticationCommand(String orderId, boolean completed) {

    /**
     * What came of it at the provider and for the payment.
     *
     * @param paymentIntentId the provider's intent
     * @param intentStatus    the intent's status now: {@code requires_capture} or {@code requires_payment_method}
     * @param changed         the payment moved on (a repeat of a report already applied changes nothing)
     */
    public record Result(String paymentIntentId, String intentStatus, boolean changed) {}
}
