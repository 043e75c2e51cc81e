package io.orderflow.standalone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.orderflow.standalone.embedded.EmbeddedInfrastructure;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Only the embedded infrastructure: PostgreSQL, a Kafka broker and the MongoDB wire server, each on the port its
 * {@code ORDERFLOW_*_PORT} names (or a free one), with their data under {@code ORDERFLOW_DATA_DIR}. For running the
 * services of distributed mode on one machine without Docker ({@code distributed/run-local.sh}); started with
 * {@code java -jar orderflow-standalone.jar --infrastructure-only}. Prints one line per part, then runs until
 * stopped.
 */
final class LocalInfrastructure {

    static final String FLAG = "--infrastructure-only";

    private LocalInfrastructure() {}

    static void run(String[] args) throws InterruptedException {
        quietLibraries();
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(environment);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            infrastructure.close();
                            stopped.countDown();
                        },
                        "orderflow-infrastructure-shutdown"));
        infrastructure.properties().forEach((name, value) -> System.out.println(name + "=" + value));
        System.out.println("OrderFlow infrastructure ready");
        stopped.await();
    }

    /** Spring Boot's logging settings are not applied here: keep the libraries at the levels the platform uses. */
    private static void quietLibraries() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        for (String noisy : List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky", "de.bwaldvogel")) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
    }
}
