package io.orderflow.kafka.config;

import io.orderflow.kafka.IntegrationEventConverter;
import io.orderflow.kafka.IntegrationEvents;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing through Axon's Kafka extension, run as a streaming processor so the event store is the outbox: a send
 * that fails is retried from the processor's token, never lost.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaIntegrationConfiguration {

    @Bean
    TopicResolver integrationTopicResolver() {
        return IntegrationEvents::topicOf;
    }

    @Bean
    KafkaMessageConverter<String, byte[]> integrationEventConverter(JsonMapper json) {
        return new IntegrationEventConverter(json);
    }
}
