package io.orderflow.command.shipping;

/** The carrier could not be reached; the step is retried. */
public class CarrierUnavailableException extends RuntimeException {

    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
