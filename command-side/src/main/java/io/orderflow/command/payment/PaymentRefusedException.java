package io.orderflow.command.payment;

/** The provider refused a capture, void or refund for good (the payment is in a state that does not allow it). */
public class PaymentRefusedException extends RuntimeException {

    public PaymentRefusedException(String message) {
        super(message);
    }

    public PaymentRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
