package io.orderflow.command.payment;

/** Where a payment stands with the provider. */
enum PaymentStatus {
    AUTHORIZATION_FAILED,
    ACTION_REQUIRED,
    AUTHORIZED,
    DECLINED,
    CAPTURED,
    CAPTURE_FAILED,
    VOIDED,
    REFUNDED
}
