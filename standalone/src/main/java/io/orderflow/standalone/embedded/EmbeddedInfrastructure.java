package io.orderflow.standalone.embedded;

import io.orderflow.standalone.StartFailure;
import io.orderflow.standalone.config.StandaloneProperties;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The infrastructure the standalone platform starts for itself: PostgreSQL, a Kafka broker and a MongoDB wire
 * server, all keeping their data under one directory. A part whose external address is configured is not started.
 * The parts start side by side; closing stops them in the opposite order.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
    /** How many ports a part whose port is not configured tries before its start fails. */
    private static final int PORT_ATTEMPTS = 5;

    private final List<AutoCloseable> parts;
    private final Map<String, Object> properties;

    private EmbeddedInfrastructure(List<AutoCloseable> parts, Map<String, Object> properties) {
        this.parts = parts;
        this.properties = properties;
    }

    /**
     * Starts every part the environment does not point elsewhere.
     *
     * @return the infrastructure, whose {@link #properties()} tell Spring where each started part listens
     */
    public static EmbeddedInfrastructure start(Environment environment) {
        StandaloneProperties settings = Binder.get(environment).bindOrCreate("orderflow", StandaloneProperties.class);
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        requireWritable(dataDir);
        var properties = new LinkedHashMap<String, Object>();
        var started = new ArrayList<AutoCloseable>();

        CompletableFuture<EmbeddedPostgres> postgres = CompletableFuture.completedFuture(null);
        String databaseUrl = environment.getProperty("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            properties.put("spring.datasource.url", databaseUrl);
        } else if (!environment.containsProperty("spring.datasource.url")) {
            Path directory = dataDir.resolve("postgres");
            postgres = CompletableFuture.supplyAsync(() -> started(
                    "PostgreSQL",
                    directory,
                    () -> onFreePort(
                            settings.postgresPort(),
                            "PostgreSQL",
                            "ORDERFLOW_POSTGRES_PORT",
                            port -> EmbeddedPostgres.start(directory, port)),
                    server -> "port " + server.port()));
        }

        CompletableFuture<EmbeddedKafka> kafka = CompletableFuture.completedFuture(null);
        String bootstrapServers = environment.getProperty("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        } else if (!environment.containsProperty("spring.kafka.bootstrap-servers")) {
            Path directory = dataDir.resolve("kafka");
            kafka = CompletableFuture.supplyAsync(() -> started(
                    "Kafka broker",
                    directory,
                    () -> onFreePort(
                            settings.kafkaPort(),
                            "Kafka broker",
                            "ORDERFLOW_KAFKA_PORT",
                            port -> EmbeddedKafka.start(directory, port, FreePorts.any())),
                    EmbeddedKafka::bootstrapServers));
        }

        CompletableFuture<EmbeddedMongo> mongo = CompletableFuture.completedFuture(null);
        String mongoUri = environment.getProperty("MONGODB_URI");
        if (mongoUri != null && !mongoUri.isBlank()) {
            properties.put("spring.mongodb.uri", mongoUri);
        } else if (!environment.containsProperty("spring.mongodb.uri")) {
            Path directory = dataDir.resolve("mongo");
            mongo = CompletableFuture.supplyAsync(() -> started(
                    "MongoDB wire server",
                    directory,
                    () -> onFreePort(
                            settings.mongoPort(),
                            "MongoDB wire server",
                            "ORDERFLOW_MONGO_PORT",
                            port -> EmbeddedMongo.start(directory, port)),
                    EmbeddedMongo::connectionString));
        }

        try {
            CompletableFuture.allOf(postgres, kafka, mongo).join();
        } catch (CompletionException e) {
            Exception failure = e.getCause() instanceof Exception cause ? cause : e;
            // stop whatever did start before giving up
            for (CompletableFuture<? extends AutoCloseable> part : List.of(mongo, kafka, postgres)) {
                if (!part.isCompletedExceptionally() && part.join() != null) {
                    closeQuietly(part.join());
                }
            }
            throw new IllegalStateException(
                    "Could not start the embedded infrastructure under " + dataDir + ": " + causes(failure), failure);
        }

        if (postgres.join() != null) {
            started.add(postgres.join());
            properties.put("spring.datasource.url", postgres.join().jdbcUrl());
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        }
        if (kafka.join() != null) {
            started.add(kafka.join());
            properties.put("spring.kafka.bootstrap-servers", kafka.join().bootstrapServers());
        }
        if (mongo.join() != null) {
            started.add(mongo.join());
            properties.put("spring.mongodb.uri", mongo.join().connectionString());
        }
        return new EmbeddedInfrastructure(List.copyOf(started), Map.copyOf(properties));
    }

    /** Spring properties pointing at the started parts (datasource, Kafka bootstrap servers, MongoDB URI). */
    public Map<String, Object> properties() {
        return properties;
    }

    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            closeQuietly(parts.get(i));
        }
    }

    /** Starts one part, and logs where it listens, how long it took and where it keeps its data. */
    private static <T> T started(String part, Path directory, Callable<T> start, Function<T, String> where) {
        long begin = System.nanoTime();
        try {
            T started = start.call();
            log.info(
                    "Embedded {} on {} ({} ms), data in {}",
                    part,
                    where.apply(started),
                    elapsedMillis(begin),
                    directory);
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("The embedded " + part + " did not start", e);
        }
    }

    /** Fails the start at once, saying which setting to change, when the data directory cannot be written. */
    private static void requireWritable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Files.delete(Files.createTempFile(dataDir, ".writable", ""));
        } catch (IOException | SecurityException e) {
            throw new StartFailure(
                    "The data directory " + dataDir + " cannot be written (" + e + ").",
                    "Set ORDERFLOW_DATA_DIR (--orderflow.data-dir) to a directory this user can write.",
                    e);
        }
    }

    /**
     * Starts a part on its configured port, or on a free one when none is configured. A chosen port can be taken
     * between being found free and being bound (by any process on the machine); the part then starts again on
     * another. A configured port that is taken ends the start, saying which setting to change.
     */
    static <T> T onFreePort(Integer configured, String part, String variable, PortStart<T> start) throws Exception {
        boolean pinned = configured != null && configured > 0;
        for (int attempt = 1; ; attempt++) {
            int port = pinned ? configured : FreePorts.any();
            try {
                return start.on(port);
            } catch (PortInUse e) {
                if (pinned && e.port() == port) {
                    throw new StartFailure(
                            "The embedded " + part + "'s port " + port + " (" + variable + ") is in use.",
                            "Stop what listens on 127.0.0.1:" + port + ", or set " + variable
                                    + " to a free port, or leave it unset to take any free port.",
                            e.getCause());
                }
                if (attempt == PORT_ATTEMPTS) {
                    throw new IllegalStateException(
                            "Every port chosen for the embedded " + part + " was taken before it could bind it ("
                                    + PORT_ATTEMPTS + " attempts)",
                            e);
                }
                log.warn(
                        "Port {} for the embedded {} was free a moment before and taken before the server could"
                                + " bind it; starting it on another",
                        e.port(),
                        part);
            }
        }
    }

    /**
     * Fails a part's start at once when one of its loopback ports is taken, before it starts anything: PostgreSQL
     * would otherwise wait for a server that is not its own, and a half-started Kafka broker or MongoDB server would
     * keep the JVM up.
     */
    static void requireFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            throw new PortInUse(port, e);
        }
    }

    /** A part's start on a given port. */
    @FunctionalInterface
    interface PortStart<T> {
        T on(int port) throws Exception;
    }

    /** A loopback port a part needed was in use when it started; nothing of the part was started. */
    static final class PortInUse extends RuntimeException {

        private final int port;

        PortInUse(int port, IOException cause) {
            super("Port " + port + " is in use", cause);
            this.port = port;
        }

        int port() {
            return port;
        }
    }

    /** The messages of a failure and its causes, so a one-line report says what went wrong underneath. */
    private static String causes(Throwable failure) {
        var messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(messages.isEmpty() ? "" : " <- ").append(cause);
        }
        return messages.toString();
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            log.warn("Could not stop {} cleanly", part.getClass().getSimpleName(), e);
        }
    }
}
