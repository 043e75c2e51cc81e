package io.orderflow.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distributed mode against standalone on the same machine in one run ({@code bench/distributed.sh}):
 * <ol>
 *   <li>the standalone jar under a light load, well below what it keeps up with: POST to {@code PAID};</li>
 *   <li>the five services, one instance each, on Axon Server ({@link DistributedPlatform}), under the same light
 *       load: what crossing Axon Server adds to each order's way to {@code PAID}; then under a load above what it
 *       keeps up with: orders delivered per second;</li>
 *   <li>the same with two command-side and two query-side instances, once both query-side instances hold claims:
 *       orders delivered per second under the same heavy load.</li>
 * </ol>
 * Every platform is warmed up first with a light load that is not counted. Every platform starts empty, with a catalog too deep to sell out, the simulated payment and carrier at zero delay.
 * Prints a table of ratios and writes it as JSON under {@code bench/results/}.
 */
public final class DistributedBenchmark {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String STOCK = "1000000";
    private static final String PRODUCTS = "PROD-001,PROD-002,PROD-003,PROD-004,PROD-005,PROD-006,PROD-007,PROD-008";
    private static final Duration BALANCED = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> options;
    private final Path results;

    /** What one platform did under one load, with the CPU all its processes used while it ran. */
    record Measured(LoadGenerator.Figures load, OrderOutcomes orders, double cpuCoresAverage) {}

    /** A whole run, as written to {@code distributed-latest.json}. */
    record Report(
            String when,
            String machine,
            Map<String, String> load,
            Measured standaloneLight,
            Measured oneOfEachLight,
            Measured oneOfEachHeavy,
            Measured twoCommandTwoQueryHeavy,
            List<ResultsTable.Row> table) {}

    DistributedBenchmark(Map<String, String> options) {
        this.options = options;
        this.results = Path.of(options.getOrDefault("out", "bench/results"));
    }

    public static void main(String[] args) throws Exception {
        if (!DistributedPlatform.axonServerGiven()) {
            System.err.println("the distributed benchmark needs an Axon Server: " + DistributedPlatform.NO_AXON_SERVER);
            System.exit(2);
        }
        new DistributedBenchmark(Options.parse(args)).run();
        System.exit(0);
    }

    void run() throws Exception {
        Files.createDirectories(results);
        Measured standalone = standalone();
        Measured oneLight;
        Measured oneHeavy;
        try (var platform = distributed("distributed-one-of-each")) {
            measure(platform.gateway(), firehose(platform), platform::pids, "warm-up");
            oneLight = measure(platform.gateway(), firehose(platform), platform::pids, "light");
            oneHeavy = measure(platform.gateway(), firehose(platform), platform::pids, "heavy");
        }
        Measured twoHeavy;
        try (var platform = distributed("distributed-two-command-two-query")) {
            platform.start("command-side");
            platform.start("query-side");
            awaitBothQuerySideInstancesHoldClaims(platform);
            measure(platform.gateway(), firehose(platform), platform::pids, "warm-up");
            twoHeavy = measure(platform.gateway(), firehose(platform), platform::pids, "heavy");
        }
        var rows = table(standalone, oneLight, oneHeavy, twoHeavy);
        var report = new Report(
                Instant.now().toString(),
                Runtime.getRuntime().availableProcessors() + " cores",
                Map.of(
                        "light",
                        loadOptions("light", "http://").get("rate") + " orders/s",
                        "heavy",
                        loadOptions("heavy", "http://").get("rate") + " orders/s",
                        "duration",
                        loadOptions("heavy", "http://").get("duration")),
                standalone,
                oneLight,
                oneHeavy,
                twoHeavy,
                rows);
        System.out.printf("%n%s", ResultsTable.markdown(rows));
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        Files.write(results.resolve("distributed-latest.json"), body);
        System.out.println("written: " + results.resolve("distributed-latest.json"));
    }

    /** Distributed mode's figures against standalone's and against itself with one instance of each. */
    static List<ResultsTable.Row> table(Measured standalone, Measured oneLight, Measured oneHeavy, Measured twoHeavy) {
        var rows = new ArrayList<ResultsTable.Row>();
        rows.add(ResultsTable.Row.of(
                "POST to PAID ms p50, distributed",
                oneLight.orders().toPaidMillis().p50(),
                "standalone",
                standalone.orders().toPaidMillis().p50()));
        rows.add(ResultsTable.Row.of(
                "POST to PAID ms p95, distributed",
                oneLight.orders().toPaidMillis().p95(),
                "standalone",
                standalone.orders().toPaidMillis().p95()));
        rows.add(ResultsTable.Row.of(
                "POST /api/orders answered ms p50, distributed",
                oneLight.load().acceptMillis().p50(),
                "standalone",
                standalone.load().acceptMillis().p50()));
        rows.add(ResultsTable.Row.of(
                "POST /api/orders answered ms p95, distributed",
                oneLight.load().acceptMillis().p95(),
                "standalone",
                standalone.load().acceptMillis().p95()));
        rows.add(ResultsTable.Row.of(
                "orders DELIVERED/s sustained, 2 command + 2 query",
                twoHeavy.orders().deliveredPerSecondSustained(),
                "1 of each",
                oneHeavy.orders().deliveredPerSecondSustained()));
        rows.add(ResultsTable.Row.of(
                "orders DELIVERED/s, load start to last, 2 + 2",
                twoHeavy.orders().deliveredPerSecond(),
                "1 of each",
                oneHeavy.orders().deliveredPerSecond()));
        rows.add(ResultsTable.Row.of(
                "CPU cores, all processes, 2 command + 2 query",
                twoHeavy.cpuCoresAverage(),
                "1 of each",
                oneHeavy.cpuCoresAverage()));
        rows.add(ResultsTable.Row.of(
                "orders DELIVERED/s sustained, 1 of each",
                oneHeavy.orders().deliveredPerSecondSustained(),
                "orders accepted/s",
                oneHeavy.orders().acceptedPerSecondSustained()));
        return rows;
    }

    private Measured standalone() throws Exception {
        String jar = options.getOrDefault("jar", "standalone/target/orderflow-standalone.jar");
        try (var platform = PlatformProcess.launch(
                http,
                jar,
                List.of("--orderflow.demo-catalog.initial-stock=" + STOCK),
                results.resolve("distributed-benchmark-standalone.log"))) {
            long pid = platform.pid();
            measure(platform.url(), platform.firehose(), () -> List.of(pid), "warm-up");
            return measure(platform.url(), platform.firehose(), () -> List.of(pid), "light");
        }
    }

    private DistributedPlatform distributed(String label) throws Exception {
        var platform = DistributedPlatform.withAxonServer(Path.of("target", "distributed-benchmark", label));
        try {
            // as a user runs them: the JVM's defaults, like the standalone jar's
            platform.jvmOptions(List.of());
            platform.set("ORDERFLOW_DEMO_CATALOG_INITIAL_STOCK", STOCK);
            // a platform run above what it keeps up with lags on purpose; readiness is not what is measured
            platform.set("ORDERFLOW_OPERATIONS_MAX_PROCESSOR_LAG", "1000000");
            // a new instance asks Axon Server for its share soon after it is ready
            platform.set("ORDERFLOW_PROCESSOR_BALANCE_INTERVAL", "5s");
            return platform.startAll();
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    /**
     * One load ({@code light} or {@code heavy}, or {@code warm-up}: the light rate for {@code --warm-up}, 40 s by
     * default, so that no figure counts the JIT compiling a fresh JVM's code) against a platform, with the CPU its processes used meanwhile. */
    private Measured measure(String url, Firehose watching, Pids pids, String load) throws Exception {
        try (Firehose firehose = watching) {
            var samplers = pids.get().stream()
                    .map(pid -> ProcessSampler.start(pid, Duration.ofSeconds(1)))
                    .toList();
            LoadRun run = LoadRun.of(loadOptions(load, url), firehose);
            double cores = 0;
            for (ProcessSampler sampler : samplers) {
                cores += sampler.stop().cpuCoresAverage();
            }
            var measured = new Measured(run.sent(), run.orders(), Percentiles.oneDecimal(cores));
            System.out.println(load + " load on " + url + ": " + json.writeValueAsString(measured));
            return measured;
        }
    }

    private Map<String, String> loadOptions(String load, String url) {
        var loadOptions = new HashMap<String, String>();
        loadOptions.put("url", url);
        boolean warmUp = load.equals("warm-up");
        String rate = warmUp || load.equals("light")
                ? options.getOrDefault("light-rate", "2")
                : options.getOrDefault("heavy-rate", "10");
        loadOptions.put("rate", rate);
        loadOptions.put(
                "duration", warmUp ? options.getOrDefault("warm-up", "40s") : options.getOrDefault("duration", "70s"));
        loadOptions.put("concurrency", options.getOrDefault("concurrency", "16"));
        loadOptions.put("products", PRODUCTS);
        return loadOptions;
    }

    /** The operators' firehose of a distributed platform, through its gateway. */
    private Firehose firehose(DistributedPlatform platform) throws Exception {
        String token = PlatformProcess.signIn(
                http, platform.gateway(), DistributedPlatform.ADMIN_EMAIL, DistributedPlatform.ADMIN_PASSWORD);
        return Firehose.watch(http, platform.gateway(), token);
    }

    private static void awaitBothQuerySideInstancesHoldClaims(DistributedPlatform platform) throws Exception {
        long deadline = System.nanoTime() + BALANCED.toNanos();
        while (owners(platform, "read-models") < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the two query-side instances did not share read-models in " + BALANCED
                        + "; see " + platform.work());
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private static int owners(DistributedPlatform platform, String processor) throws SQLException {
        try (var connection = platform.database();
                var statement = connection.prepareStatement(
                        "select count(distinct owner) from tokenentry where processorname = ? and owner is not null")) {
            statement.setString(1, processor);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The processes to sample, read when the load starts. */
    @FunctionalInterface
    private interface Pids {
        List<Long> get();
    }
}
