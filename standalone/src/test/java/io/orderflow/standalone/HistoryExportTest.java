package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.orderflow.kafka.Topics;
import io.orderflow.kafka.outbound.CloudEventConverter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/** An operator republishes a time range of history to the replay topic and watches it finish. */
@ResourceLock(TestPlatform.SHARED)
class HistoryExportTest {

    private static final Duration SETTLES = Duration.ofSeconds(60);

    @Test
    void exportRepublishesTheRangeFlaggedAsReplayWithTheOriginalIds() {
        TestPlatform platform = TestPlatform.shared();
        Instant from = Instant.now().minusSeconds(1);
        String orderId = platform.placeOrder("[{\"productId\":\"PROD-001\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");
        platform.awaitStatus(orderId, SETTLES, "DELIVERED");
        Instant to = Instant.now().plusSeconds(1);
        List<String> liveIds = new ArrayList<>();
        KafkaContractTest.publishedEventIdsInStoreOrder(platform, List.of(orderId))
                .values()
                .forEach(liveIds::addAll);

        var started = platform.admin()
                .post("/api/admin/integration/export", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}", Map.of());

        assertThat(started.statusCode()).isEqualTo(202);
        String location = URI.create(started.headers().firstValue("Location").orElseThrow())
                .getPath();
        JsonNode done = await().atMost(SETTLES)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> read(platform.admin().get(location).body()),
                        export -> List.of("COMPLETED", "FAILED")
                                .contains(export.get("status").asString()));
        System.out.printf("[export] %s%n", done);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("eventsPublished").asLong()).isGreaterThanOrEqualTo(liveIds.size());
        assertThat(done.get("eventsScanned").asLong())
                .isEqualTo(done.get("eventsTotal").asLong());

        List<ConsumerRecord<String, byte[]>> replayed = KafkaTopics.readUntil(
                platform.property("spring.kafka.bootstrap-servers"),
                List.of(Topics.ORDERS_REPLAY),
                record -> orderId.equals(record.key()),
                records -> records.size() >= liveIds.size(),
                SETTLES);
        List<String> replayedIds = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : replayed) {
            CloudEvent event = KafkaTopics.cloudEvent(record);
            assertThat(event.getExtension(CloudEventConverter.REPLAY)).isEqualTo(true);
            replayedIds.add(event.getId());
        }
        assertThat(replayedIds).containsExactlyInAnyOrderElementsOf(liveIds);
        assertThat(read(platform.admin().get("/api/admin/integration/exports").body())
                        .findValuesAsString("exportId"))
                .contains(done.get("exportId").asString());
    }

    @Test
    void exportNeedsARangeThatEndsAfterItStarts() {
        TestPlatform platform = TestPlatform.shared();

        var backwards = platform.admin()
                .post(
                        "/api/admin/integration/export",
                        "{\"from\":\"2026-11-02T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\"}",
                        Map.of());
        var missing =
                platform.admin().post("/api/admin/integration/export", "{\"from\":\"2026-11-02T00:00:00Z\"}", Map.of());
        var malformed = platform.admin()
                .post("/api/admin/integration/export", "{\"from\":\"yesterday\",\"to\":\"today\"}", Map.of());

        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(read(backwards.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("to");
        assertThat(read(missing.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("to");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(platform.admin()
                        .get("/api/admin/integration/exports/00000000-0000-0000-0000-000000000000")
                        .statusCode())
                .isEqualTo(404);
    }
}
