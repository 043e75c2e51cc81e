package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.query.QuerySide;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A hundred and twenty orders, twenty on each path, then every projection rebuilt from the event store while the platform
 * runs: the rebuilt read models are identical to the ones built live, document for document. On the platform of
 * {@link OwnedInfrastructure}, whose other classes mostly wait out their outages, rather than the busier shared one.
 */
@ResourceLock(OwnedInfrastructure.LOCK)
class ReplayTest {

    private static final List<String> COLLECTIONS =
            List.of("orders", "products", "order_timeline", "payments", "shipments");
    private static final List<String> PROJECTIONS = QuerySide.PROJECTIONS;

    @Test
    void replayedReadModelsAreIdenticalToTheLiveOnes() throws Exception {
        TestPlatform platform = OwnedInfrastructure.shared().platform();
        List<String> orderIds = placeOrdersOnEveryPath(platform, 120);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> orderIds.stream()
                        .allMatch(id -> TestPlatform.TERMINAL.contains(
                                platform.order(id).get("status").asString())));
        platform.awaitCaughtUp(Duration.ofSeconds(60), PROJECTIONS::contains);
        Map<String, List<Document>> live = snapshot(platform);

        long started = System.nanoTime();
        for (String projection : PROJECTIONS) {
            assertThat(platform.admin()
                            .post("/api/admin/projections/" + projection + "/replay", "", Map.of())
                            .statusCode())
                    .isEqualTo(202);
        }
        JsonNode during = read(platform.admin().get("/api/admin/projections").body());
        platform.awaitCaughtUp(Duration.ofSeconds(120), PROJECTIONS::contains);
        double seconds = (System.nanoTime() - started) / 1e9;
        long events = platform.jdbc().queryForObject("select count(*) from domainevententry", Long.class);
        System.out.printf(
                "[replay] %d orders; %d events replayed by %d projections in %.1f s (%.0f events/s per"
                        + " projection); progress seen: %s%n",
                orderIds.size(), events, PROJECTIONS.size(), seconds, events / seconds, during);

        Map<String, List<Document>> rebuilt = snapshot(platform);
        for (String collection : COLLECTIONS) {
            assertThat(rebuilt.get(collection)).as(collection).hasSameSizeAs(live.get(collection));
            var differences = new ArrayList<String>();
            for (int i = 0; i < live.get(collection).size(); i++) {
                if (!live.get(collection).get(i).equals(rebuilt.get(collection).get(i))) {
                    differences.add("live " + live.get(collection).get(i).toJson() + "\n rebuilt "
                            + rebuilt.get(collection).get(i).toJson());
                }
            }
            assertThat(differences).as(collection + ": documents that differ").isEmpty();
        }
    }

    @Test
    void sagasAndUnknownProcessorsAreNotReplayed() throws Exception {
        TestPlatform platform = OwnedInfrastructure.shared().platform();

        assertThat(platform.admin()
                        .post("/api/admin/projections/order-fulfilment-saga/replay", "", Map.of())
                        .statusCode())
                .isEqualTo(409);
        assertThat(platform.admin()
                        .post("/api/admin/projections/no-such-projection/replay", "", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    private static List<String> placeOrdersOnEveryPath(TestPlatform platform, int count) throws Exception {
        String[][] paths = {
            {
                "[{\"productId\":\"PROD-001\",\"quantity\":1},{\"productId\":\"PROD-003\",\"quantity\":2}]",
                "pm_card_visa",
                "N1 9GU"
            },
            {"[{\"productId\":\"PROD-007\",\"quantity\":1}]", "pm_card_chargeDeclined", "N1 9GU"},
            {"[{\"productId\":\"PROD-005\",\"quantity\":1}]", "pm_card_visa", "00000"},
            {"[{\"productId\":\"PROD-005\",\"quantity\":1}]", "pm_card_visa", "99999"},
            {
                "[{\"productId\":\"PROD-008\",\"quantity\":1},{\"productId\":\"PROD-006\",\"quantity\":9999}]",
                "pm_card_visa",
                "N1 9GU"
            },
            {"[{\"productId\":\"PROD-004\",\"quantity\":1}]", "pm_card_chargeDeclinedInsufficientFunds", "N1 9GU"}
        };
        ExecutorService customers = Executors.newFixedThreadPool(16);
        try {
            var placed = new ArrayList<Future<String>>();
            for (int i = 0; i < count; i++) {
                String[] path = paths[i % paths.length];
                placed.add(customers.submit(() -> platform.placeOrder(path[0], path[1], path[2])));
            }
            var ids = new ArrayList<String>();
            for (Future<String> order : placed) {
                ids.add(order.get());
            }
            return ids;
        } finally {
            customers.shutdown();
        }
    }

    private static Map<String, List<Document>> snapshot(TestPlatform platform) {
        MongoTemplate mongo = platform.context().getBean(MongoTemplate.class);
        var snapshot = new HashMap<String, List<Document>>();
        for (String collection : COLLECTIONS) {
            snapshot.put(
                    collection,
                    mongo.getCollection(collection)
                            .find()
                            .sort(new Document("_id", 1))
                            .into(new ArrayList<>()));
        }
        return snapshot;
    }
}
