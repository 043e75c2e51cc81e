package io.orderflow.kafka.carrier;

/**
 * A carrier update that no retry can help: not a CloudEvent, an unknown type, data its schema refuses, or a parcel
 * OrderFlow does not know.
 */
class UnprocessableCarrierUpdateException extends RuntimeException {

    UnprocessableCarrierUpdateException(String message) {
        super(message);
    }

    UnprocessableCarrierUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
