package io.orderflow.api.payment;

/** Outcomes a payment provider reports for a payment intent. */
public enum PaymentOutcome {
    AUTHORIZED,
    DECLINED,
    CAPTURED,
    VOIDED,
    REFUNDED
}
