package io.orderflow.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

class StoreUnavailableTest {

    @Test
    void noConnectionForATransactionIsAnOutage() {
        var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001");
        assertThat(StoreUnavailable.caused(new CompletionException(new CommandExecutionException(
                        "failed", new IllegalStateException("Could not open JDBC Connection for transaction", pool)))))
                .isTrue();
        assertThat(StoreUnavailable.caused(new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))
                .isTrue();
    }

    @Test
    void theServerStoppingOrStartingUnderAStatementIsAnOutage() {
        assertThat(StoreUnavailable.caused(new RuntimeException(
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(StoreUnavailable.caused(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(StoreUnavailable.caused(new RuntimeException(
                        "Failed to create a SQL statement", new SQLException("Connection is closed"))))
                .as("a connection the pool swapped for a closed one")
                .isTrue();
    }

    @Test
    void whatTheStoreRefusesIsNoOutage() {
        assertThat(StoreUnavailable.caused(new RuntimeException(new SQLIntegrityConstraintViolationException(
                        "duplicate key value violates unique constraint", "23505"))))
                .isFalse();
        assertThat(StoreUnavailable.caused(new SQLException("syntax error", "42601")))
                .isFalse();
        assertThat(StoreUnavailable.caused(new SQLException("deadlock detected", "40P01")))
                .isFalse();
        assertThat(StoreUnavailable.caused(new IllegalStateException("a bug"))).isFalse();
    }
}
