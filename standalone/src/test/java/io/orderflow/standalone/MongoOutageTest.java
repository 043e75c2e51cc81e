package io.orderflow.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB away while orders move on: their parcels are picked up and delivered while the read models cannot be
 * written. A projection's batch then fails at its checkpoint, rolls back (dead letters included) and is retried with
 * back-off, so once MongoDB is back every order shows its end and nothing is parked in the dead-letter queue.
 */
class MongoOutageTest {

    private static final int ORDERS = 5;

    @TempDir
    Path workDir;

    @Test
    void projectionsWaitOutAMongoOutageAndParkNothing() throws Exception {
        int mongoPort = LaunchedPlatform.freePort();
        Path readModels = workDir.resolve("read-models.mv");
        MongoServer mongo = mongo(readModels, mongoPort);
        try (TestPlatform platform = TestPlatform.start(workDir.resolve("platform"),
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/orderflow?serverSelectionTimeoutMS=2000",
                "--orderflow.carrier.simulated.dispatch-delay=5s", "--orderflow.carrier.simulated.delivery-delay=2s")) {
            List<String> orders = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                orders.add(platform.placeOrder("[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa", "N1 9GU"));
            }
            for (String order : orders) {
                platform.awaitStatus(order, Duration.ofSeconds(30), "PAID", "SHIPPED");
            }

            mongo.shutdownNow();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    orders.stream().allMatch(order -> platform.storyOf(order).contains("OrderDeliveredEvent")));
            // the projection cannot write the parcels' news: it stays behind the event store
            Thread.sleep(2000);
            assertThat(orderProjection(platform).get("lag").asLong()).isPositive();
            mongo = mongo(readModels, mongoPort);

            for (String order : orders) {
                platform.awaitStatus(order, Duration.ofSeconds(120), "DELIVERED");
            }
            assertThat(read(platform.admin().get("/api/admin/dead-letters").body())).isEmpty();
            JsonNode recovered = orderProjection(platform);
            assertThat(recovered.get("error").asBoolean()).isFalse();
        } finally {
            mongo.shutdownNow();
        }
    }

    private static JsonNode orderProjection(TestPlatform platform) {
        for (JsonNode processor : read(platform.admin().get("/api/admin/projections").body())) {
            if (processor.get("name").asString().equals("order-projection")) {
                return processor;
            }
        }
        throw new AssertionError("no order-projection in /api/admin/projections");
    }

    private static MongoServer mongo(Path file, int port) {
        var server = new MongoServer(new H2Backend(new MVStore.Builder().fileName(file.toString()).open()));
        server.bind("127.0.0.1", port);
        return server;
    }
}
