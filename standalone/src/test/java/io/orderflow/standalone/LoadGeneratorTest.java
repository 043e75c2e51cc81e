package io.orderflow.standalone;

import io.orderflow.standalone.tools.LoadGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The load generator against a running platform, as a shop's front end: it signs its customers up, places orders at
 * the rate asked through the HTTP API, pays a share with a declined card and cancels a share right after placing.
 * What it reports is checked against what the platform stored.
 */
class LoadGeneratorTest {

    private static final Duration SETTLES = Duration.ofSeconds(60);
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
    }

    @Test
    void placesOrdersAtTheRateAskedWithTheMixOfOutcomesAsked() throws Exception {
        var load = new LoadGenerator(Map.of("url", platform.uri("").toString(), "rate", "8", "duration", "3s",
                "concurrency", "8", "customers", "3", "products", "PROD-003:1", "declines", "0.5", "cancellations", "0.25", "seed", "7"));

        Map<String, Object> figures = load.run();

        assertThat(figures.get("ordersSent")).isEqualTo(24L);
        assertThat(figures.get("ordersNotSentAllConnectionsBusy")).isEqualTo(0);
        @SuppressWarnings("unchecked")
        var responses = (Map<String, Integer>) figures.get("responses");
        assertThat(responses).containsEntry("place 201", 24);
        // the seed decides which orders get a declined card and which are cancelled: the same every run
        int declinedCards = (int) figures.get("ordersWithDeclinedCard");
        int cancellations = (int) figures.get("ordersCancelledAfterPlacing");
        assertThat(declinedCards).isBetween(1, 23);
        assertThat(cancellations).isBetween(1, 23);
        // a cancellation is taken (202) or comes too late, after a decline ended the order (409)
        assertThat(responses.keySet()).isSubsetOf("place 201", "cancel 202", "cancel 409");
        assertThat(responses.getOrDefault("cancel 202", 0) + responses.getOrDefault("cancel 409", 0))
                .isEqualTo(cancellations);
        assertThat((double) figures.get("sentPerSecond")).isBetween(6.0, 8.5);
        assertThat((double) figures.get("acceptMillisP50")).isPositive()
                .isLessThanOrEqualTo((double) figures.get("acceptMillisMax"));
        assertThat(load.accepted()).hasSize(24);

        var customers = new HashSet<String>();
        int declined = 0;
        for (String orderId : load.accepted().keySet()) {
            JsonNode order = await().atMost(SETTLES).pollInterval(Duration.ofMillis(200))
                    .until(() -> platform.admin().order(orderId), found -> found != null
                            && TestPlatform.TERMINAL.contains(found.get("status").asString()));
            customers.add(order.get("customerId").asString());
            if (order.get("reason").asString("").startsWith("payment declined")) {
                declined++;
            }
            assertThat(order.get("lines").get(0).get("productId").asString()).isEqualTo("PROD-003");
        }
        assertThat(customers).hasSize(3);
        // an order with a declined card ends for that reason unless its cancellation came first
        assertThat(declined).isBetween(declinedCards - cancellations, declinedCards);
    }

    @Test
    void refusesSettingsThatMakeNoLoad() {
        for (var wrong : Set.of(Map.of("rate", "0"), Map.of("declines", "1.5"), Map.of("concurrency", "0"),
                Map.of("duration", "0s"))) {
            assertThatThrownBy(() -> new LoadGenerator(wrong).run()).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
