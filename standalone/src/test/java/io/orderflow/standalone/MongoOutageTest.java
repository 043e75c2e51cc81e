package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * MongoDB away while orders move on: their parcels are picked up and delivered while the read models cannot be
 * written. A projection's batch then fails at its checkpoint, rolls back (dead letters included) and is retried with
 * back-off, so once MongoDB is back every order shows its end and nothing is parked in the dead-letter queue. The
 * platform runs on {@link OwnedInfrastructure}, whose MongoDB the test can stop.
 */
@ResourceLock(OwnedInfrastructure.LOCK)
class MongoOutageTest {

    private static final int ORDERS = 5;

    @Test
    void projectionsWaitOutAMongoOutageAndParkNothing() throws Exception {
        OwnedInfrastructure infrastructure = OwnedInfrastructure.shared();
        TestPlatform platform = infrastructure.platform();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(platform.placeOrder("[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa", "N1 9GU"));
        }
        for (String order : orders) {
            platform.awaitStatus(order, Duration.ofSeconds(30), "PAID", "SHIPPED");
        }

        infrastructure.stopMongo();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> orders.stream()
                            .allMatch(order -> platform.storyOf(order).contains("OrderDeliveredEvent")));
            // the projection cannot write the parcels' news: it stays behind the event store
            Thread.sleep(2000);
            assertThat(readModels(platform).get("lag").asLong()).isPositive();
        } finally {
            infrastructure.startMongo();
        }

        for (String order : orders) {
            platform.awaitStatus(order, Duration.ofSeconds(120), "DELIVERED");
        }
        assertThat(read(platform.admin().get("/api/admin/dead-letters").body())).isEmpty();
        JsonNode recovered = readModels(platform);
        assertThat(recovered.get("error").asBoolean()).isFalse();
    }

    private static JsonNode readModels(TestPlatform platform) {
        for (JsonNode processor :
                read(platform.admin().get("/api/admin/projections").body())) {
            if (processor.get("name").asString().equals("read-models")) {
                return processor;
            }
        }
        throw new AssertionError("no read-models in /api/admin/projections");
    }
}
