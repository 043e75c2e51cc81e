package io.orderflow.query.config;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Dead-letters an event only when handling it failed for a reason of its own. When MongoDB cannot be reached (no
 * server to select, a failing socket), the event is not at fault: the failure is thrown on, so the projection's batch
 * rolls back and its processor retries it with back-off until MongoDB is back, instead of parking every event of
 * the outage for an operator to retry.
 */
final class ReadModelOutagePolicy implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (unreachable(cause)) {
            throw cause instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("MongoDB cannot be reached", cause);
        }
        return Decisions.enqueue(cause);
    }

    static boolean unreachable(Throwable cause) {
        for (Throwable failure = cause; failure != null; failure = failure.getCause()) {
            if (failure instanceof MongoTimeoutException
                    || failure instanceof MongoSocketException
                    || failure instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
