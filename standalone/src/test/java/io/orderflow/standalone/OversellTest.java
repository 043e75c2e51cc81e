package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.CreateProductCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Many customers at once for the last units: the stock decides, exactly, and never goes below zero. */
@ResourceLock(TestPlatform.SHARED)
class OversellTest {

    private static final int STOCK = 50;
    private static final int ORDERS = 200;

    @Test
    void twoHundredConcurrentOrdersForFiftyUnitsSellExactlyFifty() throws Exception {
        TestPlatform platform = TestPlatform.shared();
        String productId = "OVERSELL-" + System.nanoTime();
        platform.context()
                .getBean(CommandGateway.class)
                .sendAndWait(
                        new CreateProductCommand(productId, "Limited Edition Lamp", Money.of("49.00", "USD"), STOCK));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> platform.get("/api/products/" + productId).statusCode() == 200);

        List<String> orderIds = new ArrayList<>();
        ExecutorService customers = Executors.newFixedThreadPool(50);
        try {
            List<Future<String>> placed = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                placed.add(customers.submit(() -> platform.placeOrder(
                        "[{\"productId\":\"" + productId + "\",\"quantity\":1}]", "pm_card_visa", "N1 9GU")));
            }
            for (Future<String> order : placed) {
                orderIds.add(order.get());
            }
        } finally {
            customers.shutdown();
        }

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> orderIds.stream()
                        .allMatch(id -> TestPlatform.TERMINAL.contains(
                                platform.order(id).get("status").asString())));
        Map<String, Long> byStatus = orderIds.stream()
                .collect(Collectors.groupingBy(
                        id -> platform.order(id).get("status").asString(), Collectors.counting()));
        long captured = orderIds.stream()
                .filter(id -> platform.providerOperations(id, "capture", "captured") == 1)
                .count();
        Integer lowestAvailable = platform.jdbc()
                .queryForObject(
                        "select min((convert_from(payload, 'UTF8')::jsonb"
                                + " ->> 'stockAvailable')::int) from domainevententry where aggregateidentifier = ?",
                        Integer.class,
                        productId);
        System.out.printf(
                "[oversell] %d orders for %d units: %s; captured %d; lowest available stock %d%n",
                ORDERS, STOCK, byStatus, captured, lowestAvailable);

        assertThat(byStatus)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("DELIVERED", (long) STOCK, "REJECTED", (long) ORDERS - STOCK));
        assertThat(captured).isEqualTo(STOCK);
        assertThat(lowestAvailable).isZero();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(platform.stock(productId)).containsExactly(0, 0));

        // 251 events: the product was snapshotted on the way (every 100), as JSON of its fields
        List<Map<String, Object>> snapshots = platform.jdbc()
                .queryForList(
                        "select sequencenumber,"
                                + " convert_from(payload, 'UTF8')::jsonb ->> 'productId' as product from snapshotevententry"
                                + " where aggregateidentifier = ?",
                        productId);
        assertThat(snapshots).isNotEmpty().allSatisfy(snapshot -> {
            assertThat(((Number) snapshot.get("sequencenumber")).longValue()).isGreaterThanOrEqualTo(99);
            assertThat(snapshot.get("product")).isEqualTo(productId);
        });
    }
}
