package io.orderflow.api.common;

/** The command itself is wrong, whatever state it meets: an order without lines, a negative stock level. */
public class InvalidCommandException extends DomainException {

    public InvalidCommandException(String message) {
        super(message);
    }
}
