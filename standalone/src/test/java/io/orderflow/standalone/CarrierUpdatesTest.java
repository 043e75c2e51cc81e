package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Carrier reports arriving on {@code orderflow.carrier-updates.v1}: applied to the parcel once per event id, and a
 * message that cannot be read or applied parked on the dead-letter topic with the reason while the consumer goes on.
 * Orders to postal code 77777 get no simulated carrier reports, so the test speaks for the carrier.
 */
@ResourceLock(TestPlatform.SHARED)
class CarrierUpdatesTest {

    private static final Duration SETTLES = Duration.ofSeconds(30);
    private static final String CARRIER_POSTAL_CODE = TestPlatform.CARRIER_REPORTS_ON_KAFKA;
    private static TestPlatform platform;
    private static String kafka;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
        kafka = platform.property("spring.kafka.bootstrap-servers");
    }

    @Test
    void carrierReportsTakeTheParcelToItsEndAndARedeliveredReportIsAppliedOnce() {
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa", CARRIER_POSTAL_CODE);
        platform.awaitStatus(orderId, SETTLES, "PAID");
        String shipmentId = platform.shipmentOf(orderId);

        String dispatched = UUID.randomUUID().toString();
        report(dispatched, "shipment-dispatched", "{\"shipmentId\":\"" + shipmentId + "\",\"trackingNumber\":\"T-1\"}");
        platform.awaitStatus(orderId, SETTLES, "SHIPPED");
        String delivered = UUID.randomUUID().toString();
        report(delivered, "shipment-delivered", "{\"shipmentId\":\"" + shipmentId + "\"}");
        report(delivered, "shipment-delivered", "{\"shipmentId\":\"" + shipmentId + "\"}");
        report(dispatched, "shipment-dispatched", "{\"shipmentId\":\"" + shipmentId + "\",\"trackingNumber\":\"T-1\"}");
        platform.awaitStatus(orderId, SETTLES, "DELIVERED");

        // the repeats are behind the first delivery on the same partition; once the marker after them is applied,
        // they have been consumed
        String marker = UUID.randomUUID().toString();
        report(marker, "shipment-delivered", "{\"shipmentId\":\"" + shipmentId + "\"}");
        await().atMost(SETTLES).until(() -> processed(marker) == 1);
        assertThat(processed(dispatched)).isEqualTo(1);
        assertThat(processed(delivered)).isEqualTo(1);
        assertThat(platform.storyOf(orderId))
                .containsOnlyOnce(
                        "ShipmentDispatchedEvent",
                        "ShipmentDeliveredEvent",
                        "OrderDeliveredEvent",
                        "PaymentCapturedEvent");
    }

    @Test
    void unreadableOrInapplicableUpdatesGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa", CARRIER_POSTAL_CODE);
        platform.awaitStatus(orderId, SETTLES, "PAID");
        String shipmentId = platform.shipmentOf(orderId);
        String key = "dlt-" + UUID.randomUUID();

        KafkaTopics.send(kafka, Topics.CARRIER_UPDATES, key, "this is not JSON".getBytes(StandardCharsets.UTF_8));
        report(key, UUID.randomUUID().toString(), "shipment-teleported", "{\"shipmentId\":\"" + shipmentId + "\"}");
        report(key, UUID.randomUUID().toString(), "shipment-failed", "{\"shipmentId\":\"" + shipmentId + "\"}");
        report(key, UUID.randomUUID().toString(), "shipment-delivered", "{\"shipmentId\":\"no-such-shipment\"}");
        report(UUID.randomUUID().toString(), "shipment-dispatched", "{\"shipmentId\":\"" + shipmentId + "\"}");

        platform.awaitStatus(orderId, SETTLES, "SHIPPED");
        List<ConsumerRecord<String, byte[]>> dead = KafkaTopics.readUntil(
                kafka,
                List.of(Topics.CARRIER_UPDATES_DLT),
                record -> key.equals(record.key()),
                records -> records.size() >= 4,
                SETTLES);
        List<String> reasons = dead.stream()
                .map(record -> new String(
                        record.headers()
                                .lastHeader("kafka_dlt-exception-message")
                                .value(),
                        StandardCharsets.UTF_8))
                .toList();
        System.out.printf("[carrier] dead letters: %s%n", reasons);

        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("this is not JSON");
        assertThat(reasons.get(0)).contains("not a CloudEvents 1.0 JSON message");
        assertThat(reasons.get(1)).contains("unknown type io.orderflow.carrier.shipment-teleported.v1");
        assertThat(reasons.get(2))
                .contains("does not match io.orderflow.carrier.shipment-failed.v1")
                .contains("reason");
        assertThat(reasons.get(3)).contains("there is no shipment no-such-shipment");
        dead.forEach(record -> assertThat(
                        record.headers().lastHeader("kafka_dlt-original-topic").value())
                .isEqualTo(Topics.CARRIER_UPDATES.getBytes(StandardCharsets.UTF_8)));
        assertThat(platform.storyOf(orderId)).doesNotContain("ShipmentFailedEvent");
    }

    private static void report(String eventId, String kind, String data) {
        report(null, eventId, kind, data);
    }

    /** A carrier's update, keyed by the key given (the carrier's name by default). */
    private static void report(String key, String eventId, String kind, String data) {
        platform.reportAsCarrier(key != null ? key : "carrier", eventId, kind, data);
    }

    private static int processed(String eventId) {
        return platform.jdbc()
                .queryForObject(
                        "select count(*) from processed_carrier_update where event_id = ?", Integer.class, eventId);
    }
}
