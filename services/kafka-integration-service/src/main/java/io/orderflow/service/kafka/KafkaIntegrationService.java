package io.orderflow.service.kafka;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The kafka-integration service of distributed mode: integration events out to Kafka, carrier updates in, history export. It holds the beans of {@code kafka-integration} only, with the
 * runtime every service shares ({@code axon-server-config}); Axon Server routes its commands, queries and events.
 */
@SpringBootApplication(scanBasePackages = {"io.orderflow.kafka", "io.orderflow.axonserver"})
public class KafkaIntegrationService {

    public static void main(String[] args) {
        // its own settings file, so that no other application.yml on the class path can shadow it
        new SpringApplicationBuilder(KafkaIntegrationService.class)
                .properties("spring.config.name=kafka-integration")
                .run(args);
    }
}
