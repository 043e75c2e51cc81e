package io.orderflow.bench;

import io.orderflow.standalone.embedded.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;

/**
 * Distributed mode as the distributed tests and the distributed benchmark run it: Axon Server (a jar the test starts, or a running server), the embedded
 * PostgreSQL, Kafka and MongoDB wire server in a process of their own ({@code orderflow-standalone.jar
 * --infrastructure-only}), and each service as its own JVM from its packaged jar, one instance or several.
 * Closing stops every process it started.
 */
public final class DistributedPlatform implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@orderflow.local";
    public static final String ADMIN_PASSWORD = "distributed operator key";
    /** Why distributed tests and benchmarks do not run without an Axon Server. */
    public static final String NO_AXON_SERVER = "no Axon Server given: set AXONSERVER_JAR (a runnable Axon Server jar)"
            + " or AXONSERVER_ADDRESS (host:grpc-port of a running one)";

    public static final List<String> SERVICES =
            List.of("command-side", "saga", "query-side", "kafka-integration", "api-gateway");

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path repository =
            Path.of(System.getProperty("orderflow.repository", ".")).toAbsolutePath();
    private final Path work;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, List<Instance>> instances = new LinkedHashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> infrastructure = new HashMap<>();
    private final Map<String, Integer> started = new HashMap<>();
    private String axonServer;
    // C1 only unless told otherwise: in the tests these JVMs start often and run briefly on two shared cores
    private List<String> jvmOptions = List.of("-XX:TieredStopAtLevel=1");

    /** One running service JVM: its name, HTTP port, process and log. */
    public record Instance(String service, int port, Process process, Path log) {

        public String url() {
            return "http://localhost:" + port;
        }

        /** Commands of a type this instance handled itself, from its Prometheus endpoint. */
        public long commandsHandled(String payloadType) throws IOException, InterruptedException {
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create(url() + "/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            var matcher = Pattern.compile(
                            "commandBus_allTimer_seconds_count\\{payloadType=\"" + payloadType + "\"} ([0-9.E]+)")
                    .matcher(metrics);
            return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
        }
    }

    private DistributedPlatform(Path work) {
        this.work = work;
    }

    /** Whether {@code AXONSERVER_JAR} or {@code AXONSERVER_ADDRESS} names an Axon Server to run on. */
    public static boolean axonServerGiven() {
        return given("AXONSERVER_JAR") || given("AXONSERVER_ADDRESS");
    }

    /**
     * Axon Server from {@code AXONSERVER_JAR} (started here, on a data directory of this platform's) or
     * {@code AXONSERVER_ADDRESS} (a running server in development mode, whose events are purged first), with every
     * process's log and data under the work directory, which is emptied first and kept after.
     */
    public static DistributedPlatform withAxonServer(Path work) throws Exception {
        if (!axonServerGiven()) {
            throw new IllegalStateException(NO_AXON_SERVER);
        }
        FileSystemUtils.deleteRecursively(work);
        var platform = new DistributedPlatform(Files.createDirectories(work.toAbsolutePath()));
        try {
            platform.axonServer = given("AXONSERVER_JAR")
                    ? platform.startAxonServer(System.getenv("AXONSERVER_JAR"))
                    : platform.purged(System.getenv("AXONSERVER_ADDRESS"));
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    private static boolean given(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank();
    }

    /** Starts the embedded infrastructure on its own data directory, then one instance of every service. */
    public DistributedPlatform startAll() throws Exception {
        startInfrastructure(work.resolve("data"));
        for (String service : SERVICES) {
            start(service);
        }
        return this;
    }

    /** PostgreSQL, Kafka and MongoDB from the standalone jar, on the data directory given. */
    public void startInfrastructure(Path dataDir) throws Exception {
        Process process = launch(
                "infrastructure",
                List.of("java", "-jar", standaloneJar().toString(), "--infrastructure-only"),
                Map.of("ORDERFLOW_DATA_DIR", dataDir.toString()));
        Path log = work.resolve("infrastructure.log");
        awaitLine(process, log, "OrderFlow infrastructure ready", Duration.ofSeconds(120));
        for (String line : Files.readAllLines(log)) {
            int equals = line.indexOf('=');
            if (line.startsWith("spring.") && equals > 0) {
                infrastructure.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        environment.put("DATABASE_URL", infrastructure.get("spring.datasource.url"));
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_DATASOURCE_PASSWORD", "");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.get("spring.kafka.bootstrap-servers"));
        environment.put("MONGODB_URI", infrastructure.get("spring.mongodb.uri"));
    }

    /** The JVM options of every service started from now on (a benchmark wants the JVM's full compiler). */
    public void jvmOptions(List<String> options) {
        jvmOptions = List.copyOf(options);
    }

    /** Settings every service started from now on gets, as environment variables. */
    public void set(String variable, String value) {
        environment.put(variable, value);
    }

    /** One more instance of a service; answers once it is ready. */
    public Instance start(String service) throws Exception {
        int port = FreePorts.any();
        var variables = new HashMap<>(environment);
        variables.putAll(Map.of(
                "AXONSERVER_SERVERS",
                axonServer,
                "SERVER_PORT",
                Integer.toString(port),
                "ORDERFLOW_SECURITY_KEYS_DIRECTORY",
                work.resolve("keys").toString(),
                "ORDERFLOW_ADMIN_PASSWORD",
                ADMIN_PASSWORD,
                "ORDERFLOW_CARRIER_SIMULATED_DISPATCH_DELAY",
                "0s",
                "ORDERFLOW_CARRIER_SIMULATED_DELIVERY_DELAY",
                "0s"));
        List<Instance> running = instances.computeIfAbsent(service, name -> new ArrayList<>());
        String name = service + "-" + started.merge(service, 1, Integer::sum);
        var command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                repository
                        .resolve("services/" + service + "-service/target/orderflow-" + service + ".jar")
                        .toString()));
        Process process = launch(name, command, variables);
        var instance = new Instance(service, port, process, work.resolve(name + ".log"));
        running.add(instance);
        awaitReady(instance, Duration.ofSeconds(180));
        return instance;
    }

    /** Kills an instance outright (SIGKILL), as a crashed machine would. */
    public void kill(Instance instance) throws InterruptedException {
        instance.process().destroyForcibly();
        instance.process().waitFor(30, TimeUnit.SECONDS);
        instances.get(instance.service()).remove(instance);
    }

    /** Stops an instance (SIGTERM) and waits for it to end. */
    public void stop(Instance instance) throws InterruptedException {
        instance.process().destroy();
        if (!instance.process().waitFor(60, TimeUnit.SECONDS)) {
            instance.process().destroyForcibly();
        }
        instances.get(instance.service()).remove(instance);
    }

    /** Every process it started that is still running: Axon Server, the infrastructure, each service instance. */
    public List<Long> pids() {
        return processes.stream().filter(Process::isAlive).map(Process::pid).toList();
    }

    public List<Instance> instances(String service) {
        return List.copyOf(instances.getOrDefault(service, List.of()));
    }

    public String gateway() {
        return instances.get("api-gateway").get(0).url();
    }

    public String kafkaBootstrapServers() {
        return infrastructure.get("spring.kafka.bootstrap-servers");
    }

    public Connection database() throws SQLException {
        return DriverManager.getConnection(infrastructure.get("spring.datasource.url"), "postgres", "");
    }

    public String axonServer() {
        return axonServer;
    }

    public Path work() {
        return work;
    }

    public Path standaloneJar() {
        return repository.resolve("standalone/target/orderflow-standalone.jar");
    }

    /** Launches a process with the caller's OrderFlow settings removed and the ones given, its output to a log. */
    public Process launch(String name, List<String> command, Map<String, String> variables) throws IOException {
        var builder = new ProcessBuilder(command)
                // in the work directory: what a process writes beside itself (Axon Server's plugins) stays there
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        PlatformProcess.withoutCallersSettings(builder.environment());
        builder.environment().putAll(variables);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private String startAxonServer(String jar) throws Exception {
        int grpc = FreePorts.any();
        int httpPort = FreePorts.any();
        Path dir = Files.createDirectories(work.resolve("axonserver"));
        Process process = launch(
                "axonserver",
                List.of(
                        "java",
                        "-jar",
                        Path.of(jar).toAbsolutePath().toString(),
                        "--server.port=" + httpPort,
                        "--axoniq.axonserver.port=" + grpc,
                        "--axoniq.axonserver.standalone=true",
                        "--axoniq.axonserver.event.storage=" + dir.resolve("events"),
                        "--axoniq.axonserver.snapshot.storage=" + dir.resolve("events"),
                        "--axoniq.axonserver.controldb-path=" + dir.resolve("control"),
                        "--axoniq.axonserver.pid-file-location=" + dir),
                Map.of());
        awaitUp(process, "Axon Server", "http://127.0.0.1:" + httpPort + "/actuator/health", Duration.ofSeconds(120));
        return "127.0.0.1:" + grpc;
    }

    /** A running server's events, purged through its development-mode API so each test class starts empty. */
    private String purged(String address) throws Exception {
        String host = address.substring(0, address.lastIndexOf(':'));
        String httpAddress = System.getenv().getOrDefault("AXONSERVER_HTTP_ADDRESS", host + ":8024");
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://" + httpAddress + "/v1/devmode/purge-events"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Axon Server at " + httpAddress + " did not purge its events ("
                    + response.statusCode() + "): start it with axoniq.axonserver.devmode.enabled=true, and set"
                    + " AXONSERVER_HTTP_ADDRESS when its HTTP port is not 8024");
        }
        return address;
    }

    private void awaitReady(Instance instance, Duration atMost) throws Exception {
        awaitUp(instance.process(), instance.service(), instance.url() + "/actuator/health/readiness", atMost);
    }

    /** Waits until the process's health URL says UP; fails at once, naming its log, if the process ends. */
    public void awaitUp(Process process, String name, String healthUrl, Duration atMost) throws Exception {
        String log = "see the logs in " + work;
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended; " + log);
            }
            if (answers(healthUrl, "\"UP\"")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not up in " + atMost + "; " + log);
    }

    private static void awaitLine(Process process, Path log, String line, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("ended before '" + line + "'; see " + log);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no '" + line + "' in " + atMost + "; see " + log);
    }

    private static boolean answers(String url, String expected) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(expected);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the services first (SIGTERM, then SIGKILL), then the infrastructure and Axon Server. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        processes.clear();
    }
}
