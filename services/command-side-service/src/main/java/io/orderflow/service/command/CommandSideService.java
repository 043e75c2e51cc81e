package io.orderflow.service.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The command-side service of distributed mode: the aggregates and their ports (Stripe, carrier); events in Axon Server. It holds the beans of {@code command-side} only, with the
 * runtime every service shares ({@code axon-server-config}); Axon Server routes its commands, queries and events.
 */
@SpringBootApplication(scanBasePackages = {"io.orderflow.command", "io.orderflow.axonserver"})
public class CommandSideService {

    public static void main(String[] args) {
        // its own settings file, so that no other application.yml on the class path can shadow it
        new SpringApplicationBuilder(CommandSideService.class)
                .properties("spring.config.name=command-side")
                .run(args);
    }
}
