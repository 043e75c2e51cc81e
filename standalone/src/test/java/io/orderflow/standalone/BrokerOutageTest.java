package io.orderflow.standalone;

import io.cloudevents.CloudEvent;
import io.orderflow.kafka.Topics;
import io.orderflow.standalone.embedded.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker stops for 30 seconds while orders flow, then comes back. The event store is the outbox: every
 * integration event of every order still arrives, in store order per order and topic, and a duplicate (a send
 * retried after the outage) carries the same id as its original.
 */
class BrokerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    @Test
    void everyIntegrationEventArrivesAfterA30SecondBrokerOutage() throws Exception {
        int port = LaunchedPlatform.freePort();
        int controllerPort = LaunchedPlatform.freePort();
        Path brokerData = workDir.resolve("broker");
        EmbeddedKafka broker = EmbeddedKafka.start(brokerData, port, controllerPort);
        String bootstrap = broker.bootstrapServers();
        var orders = new CopyOnWriteArrayList<String>();
        var placing = new AtomicBoolean(true);
        ExecutorService customers = Executors.newFixedThreadPool(2);
        try (TestPlatform platform = TestPlatform.start(workDir.resolve("platform"),
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--orderflow.carrier.simulated.dispatch-delay=0s", "--orderflow.carrier.simulated.delivery-delay=0s")) {
            for (int customer = 0; customer < 2; customer++) {
                customers.submit(() -> {
                    while (placing.get()) {
                        orders.add(platform.placeOrder("[{\"productId\":\"PROD-00" + (1 + orders.size() % 8)
                                + "\",\"quantity\":1}]", orders.size() % 7 == 0 ? "pm_card_chargeDeclined" : "pm_card_visa", "N1 9GU"));
                        Thread.sleep(250);
                    }
                    return null;
                });
            }
            Thread.sleep(5_000);
            int beforeOutage = orders.size();
            broker.close();
            Thread.sleep(OUTAGE.toMillis());
            int duringOutage = orders.size() - beforeOutage;
            broker = EmbeddedKafka.start(brokerData, port, controllerPort);
            Thread.sleep(5_000);
            placing.set(false);
            customers.shutdown();
            assertThat(customers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            orders.forEach(orderId -> platform.awaitStatus(orderId, Duration.ofSeconds(60), TestPlatform.TERMINAL.toArray(String[]::new)));
            Map<String, List<String>> expected = KafkaContractTest.publishedEventIdsInStoreOrder(platform, orders);
            Set<String> expectedIds = new LinkedHashSet<>();
            expected.values().forEach(expectedIds::addAll);
            Set<String> orderIds = Set.copyOf(orders);

            var received = new ArrayList<ConsumerRecord<String, byte[]>>();
            var distinct = new HashMap<String, byte[]>();
            try {
                received.addAll(KafkaTopics.readUntil(bootstrap, Topics.OUTBOUND, record -> orderIds.contains(record.key()),
                        records -> {
                            records.forEach(record -> distinct.putIfAbsent(KafkaTopics.cloudEvent(record).getId(), record.value()));
                            return distinct.keySet().containsAll(expectedIds);
                        }, Duration.ofMinutes(3)));
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
                    assertThat(Arrays.equals(before, record.value())).as("a duplicate is the same message").isTrue();
                } else {
                    firstSeen.computeIfAbsent(record.topic() + " " + record.key(), key -> new ArrayList<>()).add(event.getId());
                }
            }
            var missing = new LinkedHashSet<>(expectedIds);
            missing.removeAll(seen.keySet());
            var unexpected = new LinkedHashSet<>(seen.keySet());
            unexpected.removeAll(expectedIds);
            System.out.printf("[outage] broker down %d s; %d orders (%d placed during the outage); integration events:"
                            + " expected %d, received %d, duplicated %d, missing %d, unexpected %d%n",
                    OUTAGE.toSeconds(), orders.size(), duringOutage, expectedIds.size(), received.size(), duplicated,
                    missing.size(), unexpected.size());

            assertThat(duringOutage).as("orders are accepted while the broker is away").isPositive();
            assertThat(missing).as("missing").isEmpty();
            assertThat(unexpected).as("ids that are not in the event store").isEmpty();
            assertThat(firstSeen).as("in store order per order and topic").isEqualTo(expected);
        } finally {
            customers.shutdownNow();
            broker.close();
        }
    }
}
