package io.orderflow.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class StoreUnavailableTest {

    @Test
    void noConnectionForATransactionIsAnOutage() {
        var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001");
        assertThat(StoreUnavailable.caused(new ServletException(
                        "Request processing failed",
                        new CommandExecutionException(
                                "failed",
                                new CannotCreateTransactionException("Could not open JDBC Connection", pool)))))
                .isTrue();
        assertThat(StoreUnavailable.caused(
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", pool)))
                .isTrue();
    }

    @Test
    void theServerShuttingDownUnderAStatementIsAnOutage() {
        assertThat(StoreUnavailable.caused(new JdbcException(
                        "Failed to execute",
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(StoreUnavailable.caused(new JdbcException(
                        "Failed to create a SQL statement", new SQLException("Connection is closed"))))
                .as("a connection the pool swapped for a closed one")
                .isTrue();
    }

    @Test
    void whatTheStoreRefusesIsNoOutage() {
        assertThat(StoreUnavailable.caused(new DuplicateKeyException(
                        "duplicate", new SQLException("duplicate key value violates unique constraint", "23505"))))
                .isFalse();
        assertThat(StoreUnavailable.caused(new JdbcException("Failed", new SQLException("syntax error", "42601"))))
                .isFalse();
        assertThat(StoreUnavailable.caused(new IllegalStateException("a bug"))).isFalse();
    }
}
