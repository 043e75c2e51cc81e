package io.orderflow.service.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The query-side service of distributed mode: projections into MongoDB, query handlers, subscription queries, replay, dead letters. It holds the beans of {@code query-side} only, with the
 * runtime every service shares ({@code axon-server-config}); Axon Server routes its commands, queries and events.
 */
@SpringBootApplication(
        scanBasePackages = {"io.orderflow.query", "io.orderflow.service.query", "io.orderflow.axonserver"})
public class QuerySideService {

    public static void main(String[] args) {
        // its own settings file, so that no other application.yml on the class path can shadow it
        new SpringApplicationBuilder(QuerySideService.class)
                .properties("spring.config.name=query-side")
                .run(args);
    }
}
