package io.orderflow.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.distributed.DistributedPlatform.Instance;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 */
class SagaCrashTest {

    private static final Duration SETTLES = Duration.ofSeconds(120);
    private static final int ORDERS = 50;

    private static DistributedPlatform platform;
    private static Api customer;

    @BeforeAll
    static void start() throws Exception {
        platform = DistributedPlatform.withAxonServer(SagaCrashTest.class).startAll();
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
        var placing = Executors.newFixedThreadPool(4);
        var placed = new ArrayList<Future<String>>();
        Callable<String> order =
                () -> customer.placeOrder("[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa");
        for (int i = 0; i < ORDERS; i++) {
            placed.add(placing.submit(order));
        }
        // kill it once a third are placed: some orders are mid-step, others not yet seen by the saga
        placed.get(ORDERS / 3).get();
        Instance saga = platform.instances("saga").get(0);
        platform.kill(saga);
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
