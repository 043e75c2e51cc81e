package io.orderflow.kafka.carrier;

/** A carrier update that no retry can help: not a CloudEvent, an unknown type, or data its schema refuses. */
class UnreadableCarrierUpdateException extends RuntimeException {

    UnreadableCarrierUpdateException(String message) {
        super(message);
    }

    UnreadableCarrierUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
