package io.orderflow.service.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The api-gateway service of distributed mode: the HTTP API; every command and query through Axon Server. It holds the beans of {@code api-gateway} only, with the
 * runtime every service shares ({@code axon-server-config}); Axon Server routes its commands, queries and events.
 */
@SpringBootApplication(scanBasePackages = {"io.orderflow.gateway", "io.orderflow.axonserver"})
public class ApiGatewayService {

    public static void main(String[] args) {
        // its own settings file, so that no other application.yml on the class path can shadow it
        new SpringApplicationBuilder(ApiGatewayService.class)
                .properties("spring.config.name=api-gateway")
                .run(args);
    }
}
