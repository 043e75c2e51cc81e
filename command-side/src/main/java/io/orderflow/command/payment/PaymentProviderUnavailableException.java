package io.orderflow.command.payment;

/** The provider could not be reached, or kept failing, after the gateway's own retries; trying later may work. */
public class PaymentProviderUnavailableException extends RuntimeException {

    public PaymentProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
