package io.orderflow.api.common;

/**
 * The command is well-formed, but what it meets does not allow it: an order that is already delivered, an
 * idempotency key already used for another order, a projection already being replayed.
 */
public class CommandRefusedException extends DomainException {

    public CommandRefusedException(String message) {
        super(message);
    }
}
