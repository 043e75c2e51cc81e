package io.orderflow.standalone.tools;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints a topic's messages as they arrive, from its beginning, one per line ({@code partition@offset key value}),
 * for a machine without Kafka's own command-line tools:
 * <pre>
 * java -cp standalone/target/orderflow-standalone.jar -Dloader.main=io.orderflow.standalone.tools.WatchTopic \
 *   org.springframework.boot.loader.launch.PropertiesLauncher orderflow.orders.v1 127.0.0.1:9092
 * </pre>
 */
public final class WatchTopic {

    private WatchTopic() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: WatchTopic <topic> [bootstrap servers, default 127.0.0.1:9092]");
            System.exit(2);
        }
        var properties = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                args.length > 1 ? args[1] : "127.0.0.1:9092",
                ConsumerConfig.GROUP_ID_CONFIG,
                "watch-topic-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(args[0]));
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofSeconds(1))
                        .forEach(record -> System.out.printf(
                                "%d@%d %s %s%n", record.partition(), record.offset(), record.key(), record.value()));
            }
        }
    }
}
