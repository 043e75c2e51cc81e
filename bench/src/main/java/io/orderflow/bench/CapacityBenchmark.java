package io.orderflow.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's capacity mode ({@code bench/run.sh --capacity true}): the {@link Capacity} of the tuned platform,
 * of the same jar left at Axon's defaults, of the same jar with the settings a tuning replaced ({@code --before}), of
 * a jar built from an earlier commit ({@code --before-jar}), and of distributed mode with one instance of each service
 * (when an Axon Server is given), in one run; the tuned platform is also held at half its capacity. Prints a table of ratios and writes it as JSON under {@code bench/results/}.
 */
final class CapacityBenchmark {

    static final List<String> PRODUCTS =
            List.of("PROD-001", "PROD-002", "PROD-003", "PROD-004", "PROD-005", "PROD-006", "PROD-007", "PROD-008");
    /** Written into the store of a platform older than the stock endpoint: more than any run can sell. */
    private static final int SEEDED_STOCK = 10_000_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> options;
    private final Path results;
    private final Capacity capacity;

    /**
     * A whole capacity run, as written to {@code capacity-latest.json}.
     *
     * @param halfCapacity the tuned platform held at half its capacity for the confirmation's duration
     */
    record Report(
            String when,
            String machine,
            Map<String, String> options,
            Capacity.Figures tuned,
            Capacity.Step halfCapacity,
            Map<String, Capacity.Figures> others,
            String beforeJar,
            List<String> beforeSettings,
            Capacity.Figures distributed,
            List<ResultsTable.Row> table) {}

    CapacityBenchmark(Map<String, String> options) {
        this.options = options;
        this.results = Path.of(options.getOrDefault("out", "bench/results"));
        this.capacity = new Capacity(options, PRODUCTS);
    }

    void run() throws Exception {
        Files.createDirectories(results);
        String jar = options.getOrDefault("jar", "standalone/target/orderflow-standalone.jar");
        Capacity.Figures tuned;
        Capacity.Step half = null;
        try (var platform = launch(jar, Options.words(options, "settings"), "capacity-tuned")) {
            tuned = capacity.find(platform);
            if (tuned.ordersPerSecond() > 0) {
                half = capacity.hold(platform, Math.floor(tuned.ordersPerSecond() / 2));
            }
        }
        var others = new LinkedHashMap<String, Capacity.Figures>();
        if (wanted("axon-defaults")) {
            try (var platform = launch(jar, Benchmark.axonDefaults(), "capacity-axon-defaults")) {
                others.put("Axon defaults", capacity.find(platform));
            }
        }
        List<String> beforeSettings = Options.words(options, "before");
        if (!beforeSettings.isEmpty()) {
            try (var platform = launch(jar, beforeSettings, "capacity-before-the-tuning")) {
                others.put("before the tuning (--before)", capacity.find(platform));
            }
        }
        String beforeJar = options.get("before-jar");
        if (beforeJar != null) {
            try (var platform =
                    launch(beforeJar, List.of("--orderflow.demo-catalog.enabled=false"), "capacity-before-jar")) {
                platform.seedStock(PRODUCTS, SEEDED_STOCK);
                others.put("jar of the earlier commit (--before-jar)", capacity.find(platform));
            }
        }
        Capacity.Figures distributed = null;
        if (DistributedPlatform.axonServerGiven() && wanted("distributed")) {
            distributed = distributed();
        }
        List<ResultsTable.Row> rows = ResultsTable.capacity(tuned, half, others, distributed);
        var report = new Report(
                Instant.now().toString(),
                Runtime.getRuntime().availableProcessors() + " cores",
                options,
                tuned,
                half,
                others,
                beforeJar,
                beforeSettings,
                distributed,
                rows);
        System.out.printf("%n%s", ResultsTable.markdown(rows));
        Benchmark.writeJson(results, "capacity-", "capacity-latest.json", report);
        System.out.println("written: " + results.resolve("capacity-latest.json"));
    }

    /** {@code --platforms axon-defaults,distributed}: which of these run beside the tuned one (both). */
    private boolean wanted(String platform) {
        String platforms = options.get("platforms");
        return platforms == null || List.of(platforms.split(",")).contains(platform);
    }

    private PlatformProcess launch(String jar, List<String> settings, String label) throws Exception {
        return PlatformProcess.launch(http, jar, settings, results.resolve(label + ".log"));
    }

    /** One instance of each service on Axon Server, as a user runs them (the JVMs' defaults). */
    private Capacity.Figures distributed() throws Exception {
        try (var platform = DistributedPlatform.withAxonServer(Path.of("target", "capacity-benchmark"))) {
            platform.jvmOptions(List.of());
            platform.set("ORDERFLOW_OPERATIONS_MAX_PROCESSOR_LAG", "1000000");
            platform.startAll();
            String gateway = platform.gateway();
            return capacity.find(new Capacity.Target() {
                @Override
                public String url() {
                    return gateway;
                }

                @Override
                public Firehose firehose() throws Exception {
                    return Firehose.watch(http, gateway, admin());
                }

                @Override
                public List<Long> pids() {
                    return PlatformProcess.withPostmaster(platform.pids(), platform.work());
                }

                @Override
                public void stock(List<String> products, int units) throws Exception {
                    PlatformProcess.restock(http, gateway, admin(), products, units);
                }

                private String admin() throws Exception {
                    return PlatformProcess.signIn(
                            http, gateway, DistributedPlatform.ADMIN_EMAIL, DistributedPlatform.ADMIN_PASSWORD);
                }
            });
        }
    }
}
