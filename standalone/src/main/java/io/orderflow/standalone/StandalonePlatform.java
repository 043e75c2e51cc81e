package io.orderflow.standalone;

import io.orderflow.standalone.embedded.EmbeddedInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
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
        } catch (RuntimeException | Error e) {
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

    /** The HTTP port is bound last, after a start of many seconds: find out first that it is taken. */
    private static void requireFreeHttpPort(Environment environment) {
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port <= 0) {
            return;
        }
        String address = environment.getProperty("server.address");
        try (var socket = new ServerSocket()) {
            socket.bind(
                    address == null || address.isBlank()
                            ? new InetSocketAddress(port)
                            : new InetSocketAddress(address, port),
                    1);
        } catch (IOException e) {
            throw new StartFailure(
                    "The HTTP port " + port + " is in use.",
                    "Stop what listens on port " + port + ", or set SERVER_PORT (--server.port) to a free port.",
                    e);
        }
    }

    /**
     * Starts the infrastructure once the environment is known and logging is configured (so Kafka's and
     * PostgreSQL's start-up logs follow the configured levels), and tells Spring where each part listens.
     */
    private final class InfrastructureStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            requireFreeHttpPort(event.getEnvironment());
            infrastructure = EmbeddedInfrastructure.start(event.getEnvironment());
            event.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("embeddedInfrastructure", infrastructure.properties()));
        }
    }
}
