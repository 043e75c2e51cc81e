package io.orderflow.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.bench.DistributedPlatform;
import io.orderflow.standalone.embedded.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A standalone installation moved to distributed mode as it is: its PostgreSQL keeps the event store
 * ({@code AXONSERVER_EVENT_STORE_ENABLED=false}), its MongoDB the read models, and Axon Server routes the
 * commands, queries and events of the five services. What was ordered before is there after, and new orders see
 * the stock the old ones left.
 */
class MovingFromStandaloneTest {

    private static final Duration SETTLES = Duration.ofSeconds(90);

    private static DistributedPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = TestPlatform.of(MovingFromStandaloneTest.class);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void ordersPlacedInStandaloneAreReadableWithTheirTimelinesAndNewOrdersSeeTheRightStock() throws Exception {
        Path dataDir = platform.work().resolve("standalone-data");
        int port = FreePorts.any();
        Process standalone = platform.launch(
                "standalone",
                List.of(
                        "java",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        platform.standaloneJar().toString()),
                Map.of(
                        "ORDERFLOW_DATA_DIR",
                        dataDir.toString(),
                        "SERVER_PORT",
                        Integer.toString(port),
                        "ORDERFLOW_ADMIN_PASSWORD",
                        DistributedPlatform.ADMIN_PASSWORD,
                        "ORDERFLOW_CARRIER_SIMULATED_DISPATCH_DELAY",
                        "0s",
                        "ORDERFLOW_CARRIER_SIMULATED_DELIVERY_DELAY",
                        "0s"));
        String standaloneUrl = "http://localhost:" + port;
        platform.awaitUp(
                standalone, "the standalone platform", standaloneUrl + "/actuator/health", Duration.ofSeconds(180));

        String email = "moving-" + System.nanoTime() + "@example.com";
        Api customer = Api.signedUp(standaloneUrl, email);
        var orders = List.of(
                customer.placeOrder("[{\"productId\":\"PROD-002\",\"quantity\":2}]", "pm_card_visa"),
                customer.placeOrder("[{\"productId\":\"PROD-002\",\"quantity\":1}]", "pm_card_visa"),
                customer.placeOrder(
                        "[{\"productId\":\"PROD-002\",\"quantity\":1}]", "pm_card_chargeDeclinedInsufficientFunds"));
        var before = new LinkedHashMap<String, JsonNode>();
        var timelines = new LinkedHashMap<String, JsonNode>();
        for (String orderId : orders) {
            before.put(orderId, customer.awaitFinal(orderId, SETTLES));
            timelines.put(
                    orderId,
                    Api.read(customer.get("/api/orders/" + orderId + "/events").body()));
        }
        int[] stock = customer.stock("PROD-002");

        standalone.destroy();
        assertThat(standalone.waitFor(60, TimeUnit.SECONDS)).isTrue();

        platform.startInfrastructure(dataDir);
        platform.set("AXONSERVER_EVENT_STORE_ENABLED", "false");
        for (String service : DistributedPlatform.SERVICES) {
            platform.start(service);
        }

        Api moved = Api.signedIn(platform.gateway(), email, Api.PASSWORD);
        // the services' first answer, on a machine running the other distributed classes beside them, once outlasted
        // the gateway's 5 s query timeout (503 with Retry-After): sent again, as a client does
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> moved.get("/api/orders/" + orders.get(0)).statusCode() == 200);
        for (String orderId : orders) {
            JsonNode order = moved.order(orderId);
            assertThat(order.get("status").asString())
                    .isEqualTo(before.get(orderId).get("status").asString());
            assertThat(order.get("total")).isEqualTo(before.get(orderId).get("total"));
            assertThat(Api.read(moved.get("/api/orders/" + orderId + "/events").body()))
                    .as("timeline of " + orderId)
                    .isEqualTo(timelines.get(orderId));
        }
        assertThat(moved.stock("PROD-002")).containsExactly(stock[0], stock[1]);

        String next = moved.placeOrder("[{\"productId\":\"PROD-002\",\"quantity\":4}]", "pm_card_visa");
        assertThat(moved.awaitFinal(next, SETTLES).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(moved.stock("PROD-002")).containsExactly(stock[0] - 4, 0);
        String tooMany = moved.placeOrder(
                "[{\"productId\":\"PROD-002\",\"quantity\":" + (stock[0] - 4 + 1) + "}]", "pm_card_visa");
        assertThat(moved.awaitFinal(tooMany, SETTLES).get("reason").asString()).startsWith("out of stock: PROD-002");
    }
}
