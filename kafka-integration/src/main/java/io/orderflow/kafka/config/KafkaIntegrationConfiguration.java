package io.orderflow.kafka.config;

import io.orderflow.kafka.Topics;
import io.orderflow.kafka.outbound.CloudEventConverter;
import io.orderflow.kafka.outbound.IntegrationEvents;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing through Axon's Kafka extension, run as a streaming processor so the event store is the outbox: a send
 * that fails is retried from the processor's token, never lost. Every topic is created at start with its
 * partitions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaIntegrationProperties.class)
public class KafkaIntegrationConfiguration {

    @Bean
    TopicResolver integrationTopicResolver() {
        return IntegrationEvents::topicOf;
    }

    @Bean
    CloudEventConverter integrationEventConverter(JsonMapper json) {
        return new CloudEventConverter(json);
    }

    /**
     * The publisher handles an order's events one after another, whichever aggregate they come from, so they reach
     * each topic in the order they were stored.
     */
    @Bean
    ConfigurerModule integrationEventsInOrderPerOrder(
            @Value("${axon.kafka.publisher.processing-group}") String publisher) {
        SequencingPolicy<EventMessage<?>> byKey = event -> IntegrationEvents.keyOf(event.getPayload())
                .map(Object.class::cast)
                .orElse(event.getIdentifier());
        return configurer -> configurer.eventProcessing().registerSequencingPolicy(publisher, configuration -> byKey);
    }

    /**
     * The publisher's processor takes up to {@code orderflow.kafka.publisher-batch-size} events a transaction. Axon's
     * Kafka extension registers the processor itself, so {@code axon.eventhandling.processors} cannot set it.
     */
    @Bean
    ConfigurerModule publisherBatches(
            @Value("${axon.kafka.publisher.processing-group}") String publisher,
            KafkaIntegrationProperties properties) {
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration(
                        publisher, (configuration, builder) -> builder.batchSize(properties.publisherBatchSize()));
    }

    /**
     * The publisher's producer, made once before the publisher starts. Axon's {@code DefaultProducerFactory} makes its
     * shared producer lazily, in an {@code updateAndGet} the publisher's threads race on with their first events:
     * each producer made by a thread that lost the race is never used and never closed, and keeps a network thread
     * reconnecting to the broker after the platform has stopped. Made here, the factory hands every thread the one
     * producer, which its {@code shutDown} closes.
     */
    @Bean
    SmartInitializingSingleton publisherProducerMadeOnce(
            @Qualifier("axonKafkaProducerFactory") ProducerFactory<?, ?> axonKafkaProducerFactory) {
        return axonKafkaProducerFactory::createProducer;
    }

    @Bean
    KafkaAdmin.NewTopics orderflowTopics(KafkaIntegrationProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> TopicBuilder.name(topic)
                        .partitions(properties.partitions())
                        .replicas(properties.replicationFactor())
                        .build())
                .toArray(NewTopic[]::new));
    }
}
