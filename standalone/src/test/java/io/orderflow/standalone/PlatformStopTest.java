package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A platform stopped inside a JVM that goes on (a test run, a benchmark, an embedding application) leaves no Kafka
 * producer of its own behind: none keeps a network thread reconnecting to the broker that stopped with it.
 */
class PlatformStopTest {

    @Test
    void aStoppedPlatformLeavesNoKafkaProducerRunning() throws Exception {
        String clientId = "orderflow-stop-" + UUID.randomUUID().toString().substring(0, 8);
        var platform =
                TestPlatform.start(Files.createTempDirectory("orderflow-stop"), "--axon.kafka.client-id=" + clientId);
        try {
            // the demo catalog's events, published by the publisher's threads at once
            platform.awaitProcessorsCaughtUp(Duration.ofSeconds(60));
            assertThat(producerThreads(clientId))
                    .as("the publisher's producers while it runs")
                    .hasSize(1);
        } finally {
            platform.close();
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(producerThreads(clientId))
                        .as("producer threads after the stop")
                        .isEmpty());
    }

    private static List<String> producerThreads(String clientId) {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.equals("kafka-producer-network-thread | " + clientId))
                .toList();
    }
}
