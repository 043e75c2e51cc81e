package io.orderflow.kafka.outbound;

import java.math.BigDecimal;

/** The public payloads of {@code orderflow.payments.v1}: no card data and no provider references. */
public final class PaymentEventsV1 {

    private PaymentEventsV1() {}

    /** Authorized, waiting for the customer's action, or captured: an amount moved or held. */
    public record Amount(String paymentId, String orderId, BigDecimal amount, String currency) {}

    public record Declined(String paymentId, String orderId, String declineCode, String reason) {}

    public record AuthorizationFailed(
            String paymentId, String orderId, BigDecimal amount, String currency, String reason) {}

    /** A capture refused, or an authorization voided: nothing moved, and why. */
    public record Reasoned(String paymentId, String orderId, String reason) {}

    public record Refunded(String paymentId, String orderId, BigDecimal amount, String currency, String reason) {}
}
