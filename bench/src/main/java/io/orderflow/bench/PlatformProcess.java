package io.orderflow.bench;

import io.orderflow.standalone.embedded.FreePorts;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged standalone platform launched as its own process for one benchmark run, on a fresh data directory
 * with the simulated payment and carrier at zero delay, and the operator's calls the benchmark makes to it.
 * Closing stops it and deletes its data directory.
 */
final class PlatformProcess implements AutoCloseable, Capacity.Target {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String ADMIN_EMAIL = "admin@orderflow.local";
    private static final String ADMIN_PASSWORD = "benchmark operator key";

    private final HttpClient http;
    private final Process process;
    private final Path dataDir;
    private final String url;
    private PlatformAddresses addresses;
    private String adminToken;
    /** Stock written into the event store at launch, for a platform older than the stock endpoint; 0 when not. */
    private int seededStock;

    private PlatformProcess(HttpClient http, Process process, Path dataDir, int port) {
        this.http = http;
        this.process = process;
        this.dataDir = dataDir;
        this.url = "http://localhost:" + port;
    }

    /** Launches the jar with the settings and waits for its ready line; its output goes to the log file. */
    static PlatformProcess launch(HttpClient http, String jar, List<String> settings, Path log) throws Exception {
        Path dataDir = Files.createTempDirectory("orderflow-bench");
        int port = FreePorts.any();
        var command = new ArrayList<>(List.of("java", "-jar", jar));
        command.addAll(settings);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the caller's own OrderFlow and Spring settings (an external database, another admin) must not reach the
        // platform under test: the baselines create and drop tables and databases on its infrastructure
        withoutCallersSettings(builder.environment());
        builder.environment()
                .putAll(Map.of(
                        "ORDERFLOW_DATA_DIR",
                        dataDir.toString(),
                        "SERVER_PORT",
                        Integer.toString(port),
                        "ORDERFLOW_ADMIN_PASSWORD",
                        ADMIN_PASSWORD,
                        "ORDERFLOW_CARRIER_SIMULATED_DISPATCH_DELAY",
                        "0s",
                        "ORDERFLOW_CARRIER_SIMULATED_DELIVERY_DELAY",
                        "0s",
                        // a platform run at capacity lags on purpose; readiness is not what is measured
                        "ORDERFLOW_OPERATIONS_MAX_PROCESSOR_LAG",
                        "1000000"));
        var platform = new PlatformProcess(http, builder.start(), dataDir, port);
        try {
            platform.addresses = platform.awaitReady(log);
            platform.adminToken = platform.signInAsAdmin();
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    /**
     * Removes the caller's OrderFlow, Spring, Axon Server, Stripe and connection settings from a child process's
     * environment, so a platform launched by the benchmark runs on what the benchmark gives it and nothing else.
     */
    static void withoutCallersSettings(Map<String, String> environment) {
        environment
                .keySet()
                .removeIf(name -> name.startsWith("ORDERFLOW_")
                        || name.startsWith("SPRING_")
                        || name.startsWith("AXONSERVER_")
                        || name.startsWith("STRIPE_")
                        || List.of("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "SERVER_PORT")
                                .contains(name));
    }

    @Override
    public String url() {
        return url;
    }

    /** The platform's JVM, then its PostgreSQL's postmaster (whose backends the sampler counts with it). */
    @Override
    public List<Long> pids() {
        return withPostmaster(List.of(process.pid()), dataDir);
    }

    /**
     * The pids with that of the PostgreSQL postmaster whose data directory lies under the directory, if one runs:
     * the embedded PostgreSQL's server is not a descendant of the JVM that started it.
     */
    static List<Long> withPostmaster(List<Long> pids, Path under) {
        var all = new ArrayList<>(pids);
        String directory = under.toAbsolutePath().toString();
        ProcessHandle.allProcesses()
                .filter(candidate -> candidate.parent().map(ProcessHandle::pid).orElse(1L) == 1L)
                .filter(candidate -> candidate
                        .info()
                        .arguments()
                        .map(arguments -> List.of(arguments).stream().anyMatch(word -> word.startsWith(directory)))
                        .orElse(false))
                .filter(candidate -> candidate.info().command().orElse("").endsWith("/postgres"))
                .findFirst()
                .ifPresent(postmaster -> all.add(postmaster.pid()));
        return all;
    }

    /**
     * Adds the units to each product's stock through {@code POST /api/products/{id}/stock}; on a platform whose
     * stock was {@linkplain #seedStock seeded}, checks the seeded units cover them.
     */
    @Override
    public void stock(List<String> products, int units) throws Exception {
        if (seededStock > 0) {
            if (units > seededStock) {
                throw new IllegalStateException("the seeded stock of " + seededStock + " cannot cover " + units);
            }
            return;
        }
        // signed in now: a capacity search outlives a token
        restock(http, url, signInAsAdmin(), products, units);
    }

    /** Adds the units to each product's stock through {@code POST /api/products/{id}/stock}, as an operator. */
    static void restock(HttpClient http, String url, String adminToken, List<String> products, int units)
            throws Exception {
        for (String product : products) {
            String adjustment = "{\"adjustmentId\":\"bench-%s\",\"change\":%d,\"reason\":\"benchmark restock\"}"
                    .formatted(UUID.randomUUID(), units);
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/api/products/" + product + "/stock"))
                            .header("Authorization", "Bearer " + adminToken)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(adjustment))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "restocking " + product + " answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /**
     * For a platform older than the stock endpoint (the jar of an earlier commit, launched with its demo catalog
     * off): writes each product's creation, with the units in stock, into its event store as its own command would
     * have, and waits until its catalog shows them. Later {@link #stock} calls draw on these units.
     */
    void seedStock(List<String> products, int units) throws Exception {
        try (var db = DriverManager.getConnection(addresses.jdbcUrl());
                var insert = db.prepareStatement("insert into domainevententry (aggregateidentifier, sequencenumber,"
                        + " type, eventidentifier, metadata, payload, payloadtype, timestamp)"
                        + " values (?, 0, 'Product', ?, ?, ?, ?, ?)")) {
            for (String product : products) {
                insert.setString(1, product);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(
                        4,
                        ("{\"productId\":\"%s\",\"name\":\"Benchmark %s\","
                                        + "\"price\":{\"amount\":10.00,\"currency\":\"USD\"},\"initialStock\":%d}")
                                .formatted(product, product, units)
                                .getBytes(StandardCharsets.UTF_8));
                insert.setString(5, "io.orderflow.api.inventory.ProductCreatedEvent");
                insert.setString(6, Instant.now().toString());
                insert.executeUpdate();
            }
        }
        seededStock = units;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (json.readTree(send("/api/products", "GET").body())
                        .findValues("productId")
                        .size()
                < products.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the seeded products did not reach the catalog");
            }
            Thread.sleep(200);
        }
    }

    long pid() {
        return process.pid();
    }

    PlatformAddresses addresses() {
        return addresses;
    }

    /** The operators' firehose, with a token signed for it now (a long run outlives a token). */
    @Override
    public Firehose firehose() throws Exception {
        return Firehose.watch(http, url, signInAsAdmin());
    }

    /** The event store's head: the global index of its last event. */
    long head() throws Exception {
        return projections().get(0).get("head").asLong();
    }

    /** Rebuilds the order projection from the run's store; answers events per second. */
    double replayOrderProjection() throws Exception {
        long total = head();
        long start = System.nanoTime();
        send("/api/admin/projections/order-projection/replay", "POST");
        while (true) {
            Thread.sleep(250);
            for (JsonNode processor : projections()) {
                // the order projection runs in the read-models processor, which the replay rewinds
                if (processor.get("name").asString().equals("read-models")
                        && !processor.get("replaying").asBoolean()
                        && processor.get("lag").asLong() == 0) {
                    return Percentiles.oneDecimal(total / ((System.nanoTime() - start) / 1e9));
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            // with it, the embedded PostgreSQL servers it started, before their data directory goes
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        // the run's event store, read models and broker log are of no use after it
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    private JsonNode projections() throws Exception {
        return json.readTree(send("/api/admin/projections", "GET").body());
    }

    private HttpResponse<String> send(String path, String method) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .header("Authorization", "Bearer " + adminToken)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String signInAsAdmin() throws Exception {
        return signIn(http, url, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** An access token for the account, signed in through the platform's API. */
    static String signIn(HttpClient http, String url, String email, String password) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/auth/signin"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the benchmark's operator could not sign in: " + response.body());
        }
        return json.readTree(response.body()).get("accessToken").asString();
    }

    /** Copies the platform's output to the log until its ready line, then goes on copying in the background. */
    private PlatformAddresses awaitReady(Path log) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter writer = Files.newBufferedWriter(log);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String line;
        while ((line = reader.readLine()) != null && System.nanoTime() < deadline) {
            writer.write(line);
            writer.newLine();
            Optional<PlatformAddresses> ready = PlatformAddresses.inReadyLine(line);
            if (ready.isPresent()) {
                writer.flush();
                var drain = new Thread(() -> copy(reader, writer), "platform-log");
                drain.setDaemon(true);
                drain.start();
                return ready.get();
            }
        }
        writer.close();
        throw new IllegalStateException("the platform did not get ready; see " + log);
    }

    private static void copy(BufferedReader reader, BufferedWriter writer) {
        try (writer;
                reader) {
            String rest;
            while ((rest = reader.readLine()) != null) {
                writer.write(rest);
                writer.newLine();
            }
        } catch (IOException stopped) {
            // the platform stopped
        }
    }
}
