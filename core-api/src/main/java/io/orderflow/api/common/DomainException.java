package io.orderflow.api.common;

/**
 * A command the domain will not carry out. Its message is written for the person who sent the command: it says
 * what stands in the way and, where there is one, what to do instead. Nothing else a command handler throws is
 * meant to be shown to anyone.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
