package io.orderflow.api.common;

import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * A command the domain did not carry out, as it travels back to whoever sent it. Across Axon Server a handler's
 * exception arrives only as a {@link CommandExecutionException} whose cause describes it in words; what the sender can
 * act on travels as the exception's details, which are this record. Handlers send every refusal this way, in
 * standalone too ({@link #carry}), and the senders' command gateway turns it back into the exception it stands for
 * ({@link #restore}), so a sender sees the same exception in both shapes.
 */
public record Refusal(Kind kind, String message) {

    /** The kinds of refusal a sender tells apart. */
    public enum Kind {
        /** {@link InvalidCommandException}: the command is wrong in itself. */
        INVALID,
        /** {@link CommandRefusedException}: the command meets a state that does not allow it. */
        REFUSED,
        /** {@link AggregateNotFoundException}: the command names an aggregate that does not exist. */
        NOT_FOUND
    }

    /** The refusal a handler's exception stands for, if it stands for one. */
    private static Optional<Refusal> of(Throwable failure) {
        if (failure instanceof InvalidCommandException invalid) {
            return Optional.of(new Refusal(Kind.INVALID, invalid.getMessage()));
        }
        if (failure instanceof CommandRefusedException refused) {
            return Optional.of(new Refusal(Kind.REFUSED, refused.getMessage()));
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            return Optional.of(new Refusal(Kind.NOT_FOUND, notFound.getMessage()));
        }
        return Optional.empty();
    }

    /** The handler's exception as it should leave the handler: with its refusal as details, when it is one. */
    public static Exception carry(Exception failure) {
        return of(failure)
                .<Exception>map(refusal -> new CommandExecutionException(refusal.message(), failure, refusal))
                .orElse(failure);
    }

    /** The exception a refusal carried back stands for, or the failure as it arrived when it carries none. */
    public static Throwable restore(Throwable failure) {
        return HandlerExecutionException.resolveDetails(failure)
                .filter(Refusal.class::isInstance)
                .<Throwable>map(details -> ((Refusal) details).toException())
                .orElse(failure);
    }

    private RuntimeException toException() {
        return switch (kind) {
            case INVALID -> new InvalidCommandException(message);
            case REFUSED -> new CommandRefusedException(message);
            case NOT_FOUND -> new AggregateNotFoundException(null, message);
        };
    }
}
