package io.orderflow.service.saga;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The saga service of distributed mode: the order fulfilment saga and its deadlines; sagas, tokens and deadlines in PostgreSQL. It holds the beans of {@code saga} only, with the
 * runtime every service shares ({@code axon-server-config}); Axon Server routes its commands, queries and events.
 */
@SpringBootApplication(scanBasePackages = {"io.orderflow.saga", "io.orderflow.axonserver"})
public class SagaService {

    public static void main(String[] args) {
        // its own settings file, so that no other application.yml on the class path can shadow it
        new SpringApplicationBuilder(SagaService.class)
                .properties("spring.config.name=saga")
                .run(args);
    }
}
