package io.orderflow.standalone;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes the platform's topics as another team's service would: plain Kafka clients, nothing of ours. */
final class KafkaTopics {

    private KafkaTopics() {}

    /**
     * Reads the topics from their beginning, in a consumer group of its own, until the records kept so far satisfy
     * {@code done}, or fails after {@code atMost}.
     */
    static List<ConsumerRecord<String, byte[]>> readUntil(
            String bootstrapServers,
            Collection<String> topics,
            Predicate<ConsumerRecord<String, byte[]>> keep,
            Predicate<List<ConsumerRecord<String, byte[]>>> done,
            Duration atMost) {
        var properties = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        var kept = new ArrayList<ConsumerRecord<String, byte[]>>();
        long deadline = System.nanoTime() + atMost.toNanos();
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            while (!done.test(kept)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "after " + atMost + " only " + kept.size() + " records were read from " + topics);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (keep.test(record)) {
                        kept.add(record);
                    }
                });
            }
        }
        return kept;
    }

    static void send(String bootstrapServers, String topic, String key, byte[] value) {
        var properties = Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** The record's value read as a CloudEvent in structured JSON mode; fails on anything else. */
    static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
        return EventFormatProvider.getInstance()
                .resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(record.value());
    }

    static byte[] serialize(CloudEvent event) {
        return EventFormatProvider.getInstance()
                .resolveFormat(JsonFormat.CONTENT_TYPE)
                .serialize(event);
    }
}
