package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.orderflow.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * The Kafka broker stops for 6 seconds (longer if the publisher has not failed a send by then, as on a busy machine)
 * while orders flow, then comes back. The platform's producer gives up on a send after 4 s
 * ({@link OwnedInfrastructure}), so the outage outlasts it: the publisher's segment goes into error and is retried
 * from its position, the same path a broker away for minutes takes under the default timeouts. The event store is the
 * outbox: every integration event of every order still arrives, in store order per order and topic, and a duplicate
 * (a send retried after the outage) carries the same id as its original.
 */
@ResourceLock(OwnedInfrastructure.LOCK)
class BrokerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(6);
    /** How long the broker stays away, at most, waiting for the publisher to fail. */
    private static final Duration PUBLISHER_FAILS = Duration.ofSeconds(30);

    private static final String PUBLISHER = "kafka-integration-publisher";

    @Test
    void everyIntegrationEventArrivesAfterABrokerOutageThatOutlastsTheProducersTimeouts() throws Exception {
        OwnedInfrastructure infrastructure = OwnedInfrastructure.shared();
        TestPlatform platform = infrastructure.platform();
        String bootstrap = infrastructure.kafkaBootstrapServers();
        var orders = new CopyOnWriteArrayList<String>();
        var placing = new AtomicBoolean(true);
        ExecutorService customers = Executors.newFixedThreadPool(2);
        try {
            for (int customer = 0; customer < 2; customer++) {
                customers.submit(() -> {
                    while (placing.get()) {
                        orders.add(platform.placeOrder(
                                "[{\"productId\":\"PROD-00" + (1 + orders.size() % 8) + "\",\"quantity\":1}]",
                                orders.size() % 7 == 0 ? "pm_card_chargeDeclined" : "pm_card_visa",
                                "N1 9GU"));
                        Thread.sleep(250);
                    }
                    return null;
                });
            }
            Thread.sleep(3_000);
            int beforeOutage = orders.size();
            long outageStart = System.nanoTime();
            infrastructure.stopKafka();
            boolean publisherFailed;
            try {
                // at least the outage's length, and until a send has failed: on a busy machine the publisher may
                // reach its next send later than the producer's timeouts alone would say
                publisherFailed = await().atMost(PUBLISHER_FAILS)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> publisherInError(platform), failed -> failed);
                Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - outageStart) / 1_000_000));
            } finally {
                infrastructure.startKafka();
            }
            int duringOutage = orders.size() - beforeOutage;
            Thread.sleep(3_000);
            placing.set(false);
            customers.shutdown();
            assertThat(customers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            orders.forEach(orderId -> platform.awaitStatus(
                    orderId, Duration.ofSeconds(60), TestPlatform.TERMINAL.toArray(String[]::new)));
            Map<String, List<String>> expected = KafkaContractTest.publishedEventIdsInStoreOrder(platform, orders);
            Set<String> expectedIds = new LinkedHashSet<>();
            expected.values().forEach(expectedIds::addAll);
            Set<String> orderIds = Set.copyOf(orders);

            var received = new ArrayList<ConsumerRecord<String, byte[]>>();
            var distinct = new HashMap<String, byte[]>();
            try {
                received.addAll(KafkaTopics.readUntil(
                        bootstrap,
                        Topics.OUTBOUND,
                        record -> orderIds.contains(record.key()),
                        records -> {
                            records.forEach(record -> distinct.putIfAbsent(
                                    KafkaTopics.cloudEvent(record).getId(), record.value()));
                            return distinct.keySet().containsAll(expectedIds);
                        },
                        Duration.ofMinutes(3)));
            } catch (AssertionError notAll) {
                // reported below with the figures
            }

            var firstSeen = new LinkedHashMap<String, List<String>>();
            int duplicated = 0;
            var seen = new HashMap<String, byte[]>();
            for (ConsumerRecord<String, byte[]> record : received) {
                CloudEvent event = KafkaTopics.cloudEvent(record);
                byte[] before = seen.putIfAbsent(event.getId(), record.value());
                if (before != null) {
                    duplicated++;
                    assertThat(Arrays.equals(before, record.value()))
                            .as("a duplicate is the same message")
                            .isTrue();
                } else {
                    firstSeen
                            .computeIfAbsent(record.topic() + " " + record.key(), key -> new ArrayList<>())
                            .add(event.getId());
                }
            }
            var missing = new LinkedHashSet<>(expectedIds);
            missing.removeAll(seen.keySet());
            var unexpected = new LinkedHashSet<>(seen.keySet());
            unexpected.removeAll(expectedIds);
            System.out.printf(
                    "[outage] broker down %d s, the publisher in error during it: %s; %d orders (%d placed"
                            + " during the outage); integration events: expected %d, received %d, duplicated %d,"
                            + " missing %d, unexpected %d%n",
                    OUTAGE.toSeconds(),
                    publisherFailed,
                    orders.size(),
                    duringOutage,
                    expectedIds.size(),
                    received.size(),
                    duplicated,
                    missing.size(),
                    unexpected.size());

            assertThat(publisherFailed)
                    .as("a send failed and the publisher retries from its position")
                    .isTrue();
            assertThat(duringOutage)
                    .as("orders are accepted while the broker is away")
                    .isPositive();
            assertThat(missing).as("missing").isEmpty();
            assertThat(unexpected).as("ids that are not in the event store").isEmpty();
            assertThat(firstSeen).as("in store order per order and topic").isEqualTo(expected);
        } finally {
            placing.set(false);
            customers.shutdownNow();
        }
    }

    private static boolean publisherInError(TestPlatform platform) {
        for (JsonNode processor :
                TestPlatform.read(platform.admin().get("/api/admin/projections").body())) {
            if (processor.get("name").asString().equals(PUBLISHER)) {
                return processor.get("error").asBoolean();
            }
        }
        throw new AssertionError("no " + PUBLISHER + " in /api/admin/projections");
    }
}
