package io.orderflow.standalone;

import io.orderflow.standalone.embedded.EmbeddedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The whole platform in one JVM: the embedded infrastructure, then the Spring application of every module on top
 * of it. Closing stops the application first and the infrastructure after it, so nothing loses its broker or
 * database while it is still shutting down; closed while still starting, it stops whatever has started.
 */
public final class StandalonePlatform implements AutoCloseable {

    static {
        // Axon's update checker would phone home every few seconds from a machine that may have no internet
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    private volatile ConfigurableApplicationContext context;
    private volatile EmbeddedInfrastructure infrastructure;
    private boolean closed;

    /** Starts the platform with the given command-line arguments (for example {@code --server.port=0}). */
    public static StandalonePlatform start(String... args) {
        var platform = new StandalonePlatform();
        platform.run(args);
        return platform;
    }

    void run(String... args) {
        try {
            context = new SpringApplicationBuilder(StandaloneApplication.class)
                    .registerShutdownHook(false)
                    .listeners(new InfrastructureStarter())
                    .run(args);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            if (infrastructure != null) {
                infrastructure.close();
            }
        }
    }

    /**
     * Starts the infrastructure once the environment is known and logging is configured (so Kafka's and
     * PostgreSQL's start-up logs follow the configured levels), and tells Spring where each part listens.
     */
    private final class InfrastructureStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            infrastructure = EmbeddedInfrastructure.start(event.getEnvironment());
            event.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("embeddedInfrastructure", infrastructure.properties()));
        }
    }
}
