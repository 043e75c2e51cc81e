package io.orderflow.standalone;

import io.orderflow.standalone.config.OperationsProperties;
import io.orderflow.standalone.config.StandaloneProperties;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Every module of OrderFlow in one Spring application; started through {@link StandalonePlatform}. */
@SpringBootApplication(scanBasePackages = "io.orderflow")
@EnableConfigurationProperties({StandaloneProperties.class, OperationsProperties.class})
public class StandaloneApplication {

    public static void main(String[] args) throws InterruptedException {
        if (java.util.Arrays.asList(args).contains(LocalInfrastructure.FLAG)) {
            LocalInfrastructure.run(args);
            return;
        }
        var platform = new StandalonePlatform();
        // registered before anything starts, so SIGTERM during start-up still stops the embedded servers
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "orderflow-shutdown"));
        try {
            platform.run(args);
        } catch (Throwable failure) {
            // run() has stopped whatever had started; a thread a library leaves behind (Axon 4.13.0's axon-janitor,
            // a half-started broker's, a Kafka producer reconnecting to the broker just stopped) must neither keep the
            // JVM up nor write after the verdict, so halt: the shutdown hook would only close what is closed
            LoggerFactory.getLogger(StandaloneApplication.class)
                    .error("OrderFlow did not start: {}", StartFailureAnalyzer.verdict(failure));
            Runtime.getRuntime().halt(1);
        }
    }
}
