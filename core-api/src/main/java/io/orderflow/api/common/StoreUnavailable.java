package io.orderflow.api.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure that says nothing about the request or message that met it: a store it needs (PostgreSQL, with the
 * event store, the tokens and the accounts) cannot be reached right now, during an outage or a restart of the server.
 * The same work done again later succeeds, so the gateway answers 503 with {@code Retry-After}, and a consumer
 * retries the message until the store is back instead of parking it. Whatever Spring, Axon or the pool wrap it in,
 * such a failure is caused by a JDBC connection failure, which is what this looks for.
 */
public final class StoreUnavailable {

    /** Causes looked at, at most: enough for Axon's and Spring's wrappers, and no loop on a cyclic chain. */
    private static final int DEPTH = 20;

    private StoreUnavailable() {}

    /** Whether the failure, or anything that caused it, is a store that cannot be reached. */
    public static boolean caused(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && unreachable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(SQLException sql) {
        String state = sql.getSQLState();
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (state == null) {
            // HikariCP swaps a connection that failed with a connection error for a closed one, whose every call then
            // fails so, with no SQLSTATE: a transaction that began before the outage ends this way
            return "Connection is closed".equals(sql.getMessage());
        }
        // 08: connection exception; 57P01-57P03: shut down by an operator, after a crash, or not yet started; 53300:
        // too many connections
        return state.startsWith("08") || state.startsWith("57P") || state.equals("53300");
    }
}
