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
 * runs: the rebuilt read models are identical to the ones built live, document for document; and one projection
 * rebuilt on its own, leaving the others' read models as they were. On the platform of
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
        List<String> orderIds = ordersOnEveryPathEnded(platform);
        Map<String, List<Document>> live = snapshot(platform);

        long started = System.nanoTime();
        var replay = platform.admin().post("/api/admin/projections/" + QuerySide.READ_MODELS + "/replay", "", Map.of());
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(read(replay.body()).get("projections").toString())
                .as("the processor runs every projection")
                .isEqualTo(read(replay.body()).get("replay").get("projections").toString())
                .contains(PROJECTIONS);
        JsonNode during = read(platform.admin().get("/api/admin/projections").body());
        platform.awaitCaughtUp(Duration.ofSeconds(120), QuerySide.READ_MODELS::equals);
        double seconds = (System.nanoTime() - started) / 1e9;
        long events = platform.jdbc().queryForObject("select count(*) from domainevententry", Long.class);
        System.out.printf(
                "[replay] %d orders; %d events replayed into %d projections in %.1f s (%.0f events/s); progress"
                        + " seen: %s%n",
                orderIds.size(), events, PROJECTIONS.size(), seconds, events / seconds, during);

        assertIdentical(live, snapshot(platform), COLLECTIONS);
    }

    /**
     * A replay by a projection's name rebuilds its read model only: the others, run by the same processor, let the
     * replayed events pass and keep their collections. A field changed by hand in each tells which were rebuilt.
     */
    @Test
    void replayingOneProjectionRebuildsItsReadModelAndNoOther() throws Exception {
        TestPlatform platform = OwnedInfrastructure.shared().platform();
        ordersOnEveryPathEnded(platform);
        Map<String, List<Document>> live = snapshot(platform);
        MongoTemplate mongo = platform.context().getBean(MongoTemplate.class);
        Document order = live.get("orders").get(0);
        Document payment = live.get("payments").get(0);
        var tampered = new Document("$set", new Document("status", "TAMPERED"));
        mongo.getCollection("orders").updateOne(new Document("_id", order.get("_id")), tampered);
        mongo.getCollection("payments").updateOne(new Document("_id", payment.get("_id")), tampered);

        var replay =
                platform.admin().post("/api/admin/projections/" + QuerySide.ORDER_PROJECTION + "/replay", "", Map.of());
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(read(replay.body()).get("name").asString()).isEqualTo(QuerySide.READ_MODELS);
        assertThat(read(replay.body()).get("replay").get("projections").toString())
                .isEqualTo("[\"" + QuerySide.ORDER_PROJECTION + "\"]");
        assertThat(platform.admin()
                        .post("/api/admin/projections/" + QuerySide.PAYMENT_PROJECTION + "/replay", "", Map.of())
                        .statusCode())
                .as("another replay of the same processor, before it has caught up")
                .isEqualTo(409);
        platform.awaitCaughtUp(Duration.ofSeconds(120), QuerySide.READ_MODELS::equals);

        Map<String, List<Document>> after = snapshot(platform);
        assertIdentical(live, after, List.of("orders", "products", "order_timeline", "shipments"));
        assertThat(mongo.getCollection("payments")
                        .find(new Document("_id", payment.get("_id")))
                        .first()
                        .getString("status"))
                .as("a payment the payment projection did not rebuild")
                .isEqualTo("TAMPERED");

        assertThat(platform.admin()
                        .post("/api/admin/projections/" + QuerySide.PAYMENT_PROJECTION + "/replay", "", Map.of())
                        .statusCode())
                .isEqualTo(202);
        platform.awaitCaughtUp(Duration.ofSeconds(120), QuerySide.READ_MODELS::equals);
        assertIdentical(live, snapshot(platform), COLLECTIONS);
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

    /** Orders on every path, all ended and in every read model. */
    private static List<String> ordersOnEveryPathEnded(TestPlatform platform) throws Exception {
        List<String> orderIds = placeOrdersOnEveryPath(platform, 120);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> orderIds.stream()
                        .allMatch(id -> TestPlatform.TERMINAL.contains(
                                platform.order(id).get("status").asString())));
        platform.awaitCaughtUp(Duration.ofSeconds(60), QuerySide.READ_MODELS::equals);
        return orderIds;
    }

    private static void assertIdentical(
            Map<String, List<Document>> live, Map<String, List<Document>> rebuilt, List<String> collections) {
        for (String collection : collections) {
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
