package io.orderflow.standalone;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints the one line that says the platform is ready, with where to reach each of its parts. */
@Component
class ReadyLine implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port");
        double seconds = (System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime())
                / 1000.0;
        log.info(
                "OrderFlow ready in {} s: Console {}/console/ | API {}/api | Swagger UI {}/swagger-ui.html | PostgreSQL {} | Kafka {} | MongoDB {}",
                String.format("%.1f", seconds),
                base,
                base,
                base,
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.kafka.bootstrap-servers"),
                environment.getProperty("spring.mongodb.uri"));
    }
}
