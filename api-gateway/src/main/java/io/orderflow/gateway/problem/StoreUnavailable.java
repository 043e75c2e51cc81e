package io.orderflow.gateway.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that says nothing about the request: a store it needs (PostgreSQL, with the event store and the
 * accounts) cannot be reached right now, during an outage or a restart of the server. Such a request is answered
 * 503 with {@code Retry-After}: sent again later, the same request succeeds, and a command sent again with the
 * same {@code Idempotency-Key} is not carried out twice.
 */
public final class StoreUnavailable {

    /** What a 503 asks the caller to wait before sending the request again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** Connection failures (SQLSTATE class 08), an operator's shutdown (57P01) and the like, by their SQLSTATE. */
    private static final SQLExceptionTranslator byState = new SQLStateSQLExceptionTranslator();

    /** Causes looked at, at most: enough for Axon's and Spring's wrappers, and no loop on a cyclic chain. */
    private static final int DEPTH = 20;

    private StoreUnavailable() {}

    /** Whether the failure, or anything that caused it, is a store that cannot be reached. */
    public static boolean caused(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && (unreachable(byState.translate("", null, sql)) || markedBroken(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * HikariCP swaps a connection that failed with a connection error for a closed one, whose every call then fails
     * with this message and no SQLSTATE: a transaction that began before the outage ends so.
     */
    private static boolean markedBroken(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }

    private static boolean unreachable(DataAccessException translated) {
        return translated instanceof DataAccessResourceFailureException
                || translated instanceof TransientDataAccessResourceException;
    }
}
