package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.orderflow.kafka.EventSchemas;
import io.orderflow.kafka.Topics;
import io.orderflow.kafka.outbound.CloudEventConverter;
import io.orderflow.kafka.outbound.IntegrationEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every topic read by a plain {@link org.apache.kafka.clients.consumer.KafkaConsumer}, as another team would:
 * orders through every path, and every integration event of them on its context's topic, a CloudEvent that its
 * JSON Schema accepts, in the order the event store holds them.
 */
@ResourceLock(TestPlatform.SHARED)
class KafkaContractTest {

    private static final Duration SETTLES = Duration.ofSeconds(60);

    @Test
    void everyPublishedMessageIsACloudEventItsSchemaAcceptsInStoreOrderPerOrder() {
        TestPlatform platform = TestPlatform.shared();
        List<String> orders = List.of(
                platform.placeOrder(
                        "[{\"productId\":\"PROD-001\",\"quantity\":1},{\"productId\":\"PROD-005\",\"quantity\":1}]",
                        "pm_card_visa",
                        "N1 9GU"),
                platform.placeOrder(
                        "[{\"productId\":\"PROD-002\",\"quantity\":1}]", "pm_card_chargeDeclined", "N1 9GU"),
                platform.placeOrder(
                        "[{\"productId\":\"PROD-003\",\"quantity\":1},{\"productId\":\"PROD-006\",\"quantity\":9000}]",
                        "pm_card_visa",
                        "N1 9GU"),
                platform.placeOrder("[{\"productId\":\"PROD-004\",\"quantity\":1}]", "pm_card_visa", "00000"),
                platform.placeOrder("[{\"productId\":\"PROD-004\",\"quantity\":1}]", "pm_card_visa", "99999"));
        orders.forEach(orderId -> platform.awaitStatus(orderId, SETTLES, "DELIVERED", "CANCELLED", "REJECTED"));
        Map<String, List<String>> expected = publishedEventIdsInStoreOrder(platform, orders);
        int expectedCount = expected.values().stream().mapToInt(List::size).sum();

        List<ConsumerRecord<String, byte[]>> received = KafkaTopics.readUntil(
                platform.property("spring.kafka.bootstrap-servers"),
                Topics.OUTBOUND,
                record -> orders.contains(record.key()),
                records -> records.size() >= expectedCount,
                SETTLES);

        var types = new TreeMap<String, Integer>();
        var idsPerOrder = new LinkedHashMap<String, List<String>>();
        for (ConsumerRecord<String, byte[]> record : received) {
            CloudEvent event = KafkaTopics.cloudEvent(record);
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getSubject()).isEqualTo(record.key());
            assertThat(event.getSource().toString())
                    .isEqualTo("/" + record.topic().replace(".v1", "").replace('.', '/'));
            assertThat(event.getDataSchema().toString())
                    .isEqualTo("https://orderflow.dev/schemas/" + event.getType() + ".json");
            assertThat(event.getTime()).isNotNull();
            assertThat(event.getExtension(CloudEventConverter.CORRELATION_ID)).isNotNull();
            assertThat(EventSchemas.problems(
                            event.getType(), json.readTree(event.getData().toBytes())))
                    .as(event.getType() + " " + new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                    .isEmpty();
            types.merge(event.getType(), 1, Integer::sum);
            idsPerOrder
                    .computeIfAbsent(record.topic() + " " + record.key(), key -> new ArrayList<>())
                    .add(event.getId());
        }
        System.out.printf(
                "[kafka] %d orders: %d integration events expected, %d received; by type %s%n",
                orders.size(), expectedCount, received.size(), types);

        assertThat(received).hasSize(expectedCount);
        assertThat(idsPerOrder).isEqualTo(expected);
        assertThat(types.keySet())
                .contains(
                        "io.orderflow.order.placed.v1",
                        "io.orderflow.order.delivered.v1",
                        "io.orderflow.order.cancelled.v1",
                        "io.orderflow.order.rejected.v1",
                        "io.orderflow.inventory.stock-reserved.v1",
                        "io.orderflow.inventory.stock-reservation-rejected.v1",
                        "io.orderflow.inventory.stock-released.v1",
                        "io.orderflow.inventory.stock-committed.v1",
                        "io.orderflow.payment.authorized.v1",
                        "io.orderflow.payment.captured.v1",
                        "io.orderflow.payment.declined.v1",
                        "io.orderflow.payment.refunded.v1",
                        "io.orderflow.payment.voided.v1",
                        "io.orderflow.shipping.shipment-created.v1",
                        "io.orderflow.shipping.shipment-dispatched.v1",
                        "io.orderflow.shipping.shipment-delivered.v1",
                        "io.orderflow.shipping.shipment-failed.v1",
                        "io.orderflow.shipping.shipment-booking-refused.v1");
    }

    @Test
    void topicsAreCreatedWithTheirPartitions() throws Exception {
        TestPlatform platform = TestPlatform.shared();
        try (var admin =
                Admin.create(Map.of("bootstrap.servers", platform.property("spring.kafka.bootstrap-servers")))) {
            var topics = admin.describeTopics(Topics.ALL).allTopicNames().get();

            assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
            topics.values()
                    .forEach(topic ->
                            assertThat(topic.partitions()).as(topic.name()).hasSize(3));
        }
    }

    /**
     * Axon's Kafka extension registers the publisher's processor itself, with Axon's batch of one event; OrderFlow's
     * setting must reach it all the same.
     */
    @Test
    void thePublisherTakesItsEventsInBatches() {
        var publisher = TestPlatform.shared()
                .context()
                .getBean(EventProcessingConfiguration.class)
                .eventProcessor("kafka-integration-publisher", PooledStreamingEventProcessor.class)
                .orElseThrow();

        assertThat(publisher).extracting("batchSize").isEqualTo(100);
    }

    /**
     * For each topic and order, the ids of the order's events that are published there, in the order the event
     * store holds them; keyed like {@code "<topic> <orderId>"}.
     */
    static Map<String, List<String>> publishedEventIdsInStoreOrder(TestPlatform platform, List<String> orders) {
        Set<String> published =
                IntegrationEvents.published().stream().map(Class::getName).collect(Collectors.toSet());
        var expected = new LinkedHashMap<String, List<String>>();
        platform.jdbc()
                .query(
                        "select eventidentifier, payloadtype, convert_from(payload, 'UTF8')::jsonb ->> 'orderId' as orderid"
                                + " from domainevententry where convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = any (?)"
                                + " order by globalindex",
                        row -> {
                            if (published.contains(row.getString("payloadtype"))) {
                                String topic = topicOf(row.getString("payloadtype"));
                                expected.computeIfAbsent(
                                                topic + " " + row.getString("orderid"), key -> new ArrayList<>())
                                        .add(row.getString("eventidentifier"));
                            }
                        },
                        (Object) orders.toArray(String[]::new));
        return expected;
    }

    private static String topicOf(String payloadType) {
        String context = payloadType.split("\\.")[3];
        return switch (context) {
            case "order" -> Topics.ORDERS;
            case "inventory" -> Topics.INVENTORY;
            case "payment" -> Topics.PAYMENTS;
            case "shipping" -> Topics.SHIPPING;
            default -> throw new IllegalArgumentException(payloadType);
        };
    }
}
