package io.orderflow.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.bench.DistributedPlatform;
import io.orderflow.bench.DistributedPlatform.Instance;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The saga service killed outright while orders are in flight. In distributed mode a saga step's commands commit
 * in command-side, apart from the saga's state and token in PostgreSQL, so the restarted saga repeats the steps it
 * had not recorded: every order must still end, and the repeated payment steps must reach the provider as the same
 * requests (its idempotency keys), never as a second authorization or capture.
 *
 * <p>A kill lands between a step's command and the saga's commit only now and then, so the test makes the widest
 * such window on purpose: it copies the saga's whole recorded state (its instances, associations, token and
 * deadlines) in one snapshot while the orders move, lets the saga go on for a while, kills it, and puts that copy
 * back before the restart. Every step taken after the copy, its commands already handled in command-side, is then
 * taken again, as if the crash had come between each of them and its commit.
 */
class SagaCrashTest {

    private static final Duration SETTLES = Duration.ofSeconds(120);
    private static final int ORDERS = 50;
    /** The saga's recorded state: each table, and which of its rows are the saga's. */
    private static final Map<String, String> SAGA_STATE = Map.of(
            "sagaentry", "true",
            "associationvalueentry", "true",
            "tokenentry", "processorname = 'order-fulfilment-saga'",
            "scheduled_tasks", "task_name like 'AxonDeadline%'");

    private static DistributedPlatform platform;
    private static Api customer;

    @BeforeAll
    static void start() throws Exception {
        platform = TestPlatform.of(SagaCrashTest.class).startAll();
        customer = Api.newCustomer(platform.gateway());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyOrderEndsAndNoPaymentIsAuthorizedOrCapturedTwiceAfterTheSagaIsKilled() throws Exception {
        int[] stockBefore = customer.stock("PROD-008");
        var placing = Executors.newFixedThreadPool(4);
        var placed = new ArrayList<Future<String>>();
        Callable<String> order =
                () -> customer.placeOrder("[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa");
        for (int i = 0; i < ORDERS; i++) {
            placed.add(placing.submit(order));
        }
        // a third placed: the saga's record as it stands, then two thirds: the saga killed, its record set back
        placed.get(ORDERS / 3).get();
        copySagaState();
        placed.get(2 * ORDERS / 3).get();
        Instance saga = platform.instances("saga").get(0);
        platform.kill(saga);
        restoreSagaState();
        var orders = new ArrayList<String>();
        for (Future<String> future : placed) {
            orders.add(future.get());
        }
        placing.shutdown();
        platform.start("saga");

        for (String orderId : orders) {
            assertThat(customer.awaitFinal(orderId, SETTLES).get("status").asString())
                    .as(orderId)
                    .isEqualTo("DELIVERED");
        }
        // the steps were taken again: command-side was asked to authorize payments it had authorized already
        assertThat(authorizationsHandled())
                .as("authorizations asked for: repeats after the restart, not only one per order")
                .isGreaterThan(ORDERS);
        // and no stock reserved twice
        await().atMost(SETTLES)
                .untilAsserted(() -> assertThat(customer.stock("PROD-008"))
                        .containsExactly(stockBefore[0] - ORDERS, stockBefore[1]));
        for (String orderId : orders) {
            assertThat(intents(orderId)).as("payment intents of " + orderId).isEqualTo(1);
            assertThat(requests(orderId, "authorize"))
                    .as("authorizations of " + orderId)
                    .isEqualTo(1);
            assertThat(requests(orderId, "capture"))
                    .as("captures of " + orderId)
                    .isEqualTo(1);
        }
    }

    /**
     * The saga's recorded state as one snapshot (repeatable read), copied aside: its instances and associations,
     * its processor's tokens, and its deadlines in db-scheduler.
     */
    private static void copySagaState() throws SQLException {
        try (var connection = platform.database()) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                for (var table : SAGA_STATE.entrySet()) {
                    statement.execute("create table copy_of_" + table.getKey() + " as select * from " + table.getKey()
                            + " where " + table.getValue());
                }
            }
            connection.commit();
        }
    }

    /** Puts the copied state back in one transaction, as if everything the saga recorded since was lost. */
    private static void restoreSagaState() throws SQLException {
        try (var connection = platform.database()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                for (var table : SAGA_STATE.entrySet()) {
                    statement.execute("delete from " + table.getKey() + " where " + table.getValue());
                    statement.execute("insert into " + table.getKey() + " select * from copy_of_" + table.getKey());
                }
            }
            connection.commit();
        }
    }

    /** Authorizations command-side has handled, repeated ones included. */
    private static long authorizationsHandled() throws Exception {
        long handled = 0;
        for (Instance commandSide : platform.instances("command-side")) {
            handled += commandSide.commandsHandled("AuthorizePaymentCommand");
        }
        return handled;
    }

    private static int intents(String orderId) throws SQLException {
        return count("select count(*) from simulated_payment_intent where order_id = ?", List.of(orderId));
    }

    /** Requests the provider carried out (one per idempotency key), of an operation, for an order. */
    private static int requests(String orderId, String operation) throws SQLException {
        return count(
                "select count(*) from simulated_payment_request r join simulated_payment_intent i on r.intent_id = i.id"
                        + " where i.order_id = ? and r.operation = ?",
                List.of(orderId, operation));
    }

    private static int count(String sql, List<String> parameters) throws SQLException {
        try (var connection = platform.database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
