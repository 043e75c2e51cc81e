package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A poison event: the order projection fails on one order's events (its document was damaged behind the platform's
 * back), parks them in Axon's dead-letter queue, and keeps projecting every other order; once the document is
 * repaired, an operator's retry applies the parked events in order.
 */
@ResourceLock(TestPlatform.SHARED)
class DeadLetterTest {

    private static final Duration SETTLES = Duration.ofSeconds(30);

    @Test
    void poisonedOrderIsParkedOthersFlowAndARetryAfterTheFixAppliesIt() {
        TestPlatform platform = TestPlatform.shared();
        MongoTemplate mongo = platform.context().getBean(MongoTemplate.class);
        String poisoned = platform.placeOrder(
                "[{\"productId\":\"PROD-002\",\"quantity\":1}]", "pm_card_authenticationRequired", "N1 9GU");
        platform.awaitStatus(poisoned, SETTLES, "AWAITING_PAYMENT");
        Object total = mongo.getCollection("orders")
                .find(new Document("_id", poisoned))
                .first()
                .get("total");
        mongo.getCollection("orders")
                .updateOne(new Document("_id", poisoned), new Document("$set", new Document("total", "damaged")));

        assertThat(platform.post("/api/orders/" + poisoned + "/cancel", "", Map.of())
                        .statusCode())
                .isEqualTo(202);
        JsonNode parked =
                await().atMost(SETTLES).until(() -> deadLetterOf(platform, poisoned), letter -> letter != null);
        assertThat(parked.get("projection").asString()).isEqualTo("order-projection");
        assertThat(parked.get("cause").asString()).isNotBlank();

        String healthy = platform.placeOrder("[{\"productId\":\"PROD-004\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");
        platform.awaitStatus(healthy, SETTLES, "DELIVERED");
        assertThat(deadLetterOf(platform, poisoned).get("events").asInt())
                .as("the poisoned order's later events wait behind the first")
                .isGreaterThanOrEqualTo(1);

        mongo.getCollection("orders")
                .updateOne(new Document("_id", poisoned), new Document("$set", new Document("total", total)));
        var retried = platform.admin().post("/api/admin/dead-letters/order-projection/retry", "", Map.of());

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(read(retried.body()).get("sequencesApplied").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode order = platform.awaitStatus(poisoned, SETTLES, "CANCELLED");
        assertThat(order.get("reason").asString()).isEqualTo("cancelled by the customer");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("VOIDED");
        assertThat(deadLetterOf(platform, poisoned)).isNull();
    }

    @Test
    void evictingAnUnknownSequenceDropsNothingAndBadRequestsNameTheField() {
        TestPlatform platform = TestPlatform.shared();

        var evicted = platform.admin()
                .post("/api/admin/dead-letters/order-projection/evict", "{\"sequence\":\"no-such-order\"}", Map.of());
        var missing = platform.admin().post("/api/admin/dead-letters/order-projection/evict", "{}", Map.of());

        assertThat(evicted.statusCode()).isEqualTo(200);
        assertThat(read(evicted.body()).get("eventsEvicted").asInt()).isZero();
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(read(missing.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("sequence");
    }

    private static JsonNode deadLetterOf(TestPlatform platform, String orderId) {
        for (JsonNode letter :
                read(platform.admin().get("/api/admin/dead-letters").body())) {
            if (orderId.equals(letter.get("sequence").asString())) {
                return letter;
            }
        }
        return null;
    }
}
