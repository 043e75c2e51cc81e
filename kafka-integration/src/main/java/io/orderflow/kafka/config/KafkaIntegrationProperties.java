package io.orderflow.kafka.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How OrderFlow's topics are created at start ({@code orderflow.kafka.*}); an existing topic with fewer partitions
 * is given more, never fewer.
 *
 * @param partitions        partitions of every topic; one order's events always share one
 * @param replicationFactor copies of every partition (1 on a single broker, 3 on a production cluster)
 * @param publisherBatchSize at most this many events a transaction of the publisher's processor: one position update
 *                           for them all (Axon's default is 1, a position update per event)
 */
@ConfigurationProperties("orderflow.kafka")
public record KafkaIntegrationProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("100") int publisherBatchSize) {

    public KafkaIntegrationProperties {
        if (publisherBatchSize < 1) {
            throw new IllegalArgumentException(
                    "ORDERFLOW_KAFKA_PUBLISHER_BATCH_SIZE (orderflow.kafka.publisher-batch-size) must be 1 or more, not "
                            + publisherBatchSize);
        }
    }
}
