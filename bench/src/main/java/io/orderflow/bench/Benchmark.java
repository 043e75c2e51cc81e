package io.orderflow.bench;

import io.orderflow.command.shipping.simulated.SimulatedCarrierReports;
import io.orderflow.query.QuerySide;
import io.orderflow.saga.fulfilment.OrderFulfillmentSaga;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark run on one machine: the standalone platform launched as its own process ({@link PlatformProcess}),
 * driven by {@link LoadGenerator} at a fixed rate while the operators' {@link Firehose} records when every order
 * becomes PAID and DELIVERED; then a projection replay over the store the run produced; then the same machine's
 * {@link MachineBaselines}; then commands on a product with a long history ({@link LongLivedProduct}); then the same
 * load against a platform left at Axon's defaults. Prints the {@link ResultsTable} and writes it as JSON and a
 * {@link RatioChart} under {@code bench/results/}.
 */
public final class Benchmark {

    private static final JsonMapper json = JsonMapper.builder().build();
    /** About what 2 cores deliver, sustained (README); a higher rate measures the same throughput with a backlog. */
    private static final String DEFAULT_RATE = "8";

    private static final String DEFAULT_DURATION = "70s";
    private static final String DEMO_PRODUCTS_BY_STOCK =
            "PROD-001:10,PROD-002:5,PROD-003:20,PROD-004:7,PROD-005:6,PROD-006:4,PROD-007:15,PROD-008:30";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> options;
    private final Path results;

    /**
     * A whole run, as written to {@code latest.json}.
     *
     * @param trialSettings settings tried on the tuned platform ({@code --settings})
     * @param beforeSettings the settings a kept tuning replaced ({@code --before}); their platform is {@code before}
     */
    record Report(
            String when,
            String machine,
            Map<String, String> load,
            List<String> trialSettings,
            List<String> beforeSettings,
            PlatformFigures tuned,
            PlatformFigures axonDefaults,
            PlatformFigures before,
            List<ResultsTable.Row> table) {}

    Benchmark(Map<String, String> options) {
        this.options = options;
        this.results = Path.of(options.getOrDefault("out", "bench/results"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        if (Boolean.parseBoolean(options.get("capacity"))) {
            new CapacityBenchmark(options).run();
        } else {
            new Benchmark(options).run();
        }
        // Axon's and Kafka's client threads of the long-lived product phase would keep the JVM alive
        System.exit(0);
    }

    void run() throws Exception {
        Files.createDirectories(results);
        List<String> trial = Options.words(options, "settings");
        List<String> beforeSettings = Options.words(options, "before");
        PlatformFigures before = beforeSettings.isEmpty() ? null : measure("before", beforeSettings, true, false);
        PlatformFigures tuned = measure("tuned", trial, true, true);
        PlatformFigures defaults = measure("axon-defaults", axonDefaults(), false, false);
        List<ResultsTable.Row> rows = new ArrayList<>(ResultsTable.against(tuned, defaults));
        if (before != null) {
            rows.addAll(ResultsTable.beforeAndAfter(tuned, before));
        }
        var report = new Report(
                Instant.now().toString(),
                Runtime.getRuntime().availableProcessors() + " cores, "
                        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap of the benchmark JVM",
                Map.of(
                        "rate",
                        option("rate", DEFAULT_RATE),
                        "duration",
                        option("duration", DEFAULT_DURATION),
                        "concurrency",
                        option("concurrency", "16")),
                trial,
                beforeSettings,
                tuned,
                defaults,
                before,
                rows);
        System.out.printf("%n%s", ResultsTable.markdown(rows));
        String stamp = writeJson(results, "benchmark-", "latest.json", report);
        String chart = RatioChart.svg(rows);
        Files.writeString(results.resolve("benchmark-" + stamp + ".svg"), chart);
        Files.writeString(results.resolve("latest.svg"), chart);
        System.out.println("written: " + results.resolve("latest.json") + ", " + results.resolve("latest.svg"));
    }

    /**
     * Writes the report as {@code <prefix><time>.json} and as the latest under the results directory; answers the
     * time stamp.
     */
    static String writeJson(Path results, String prefix, String latest, Object report) throws IOException {
        String stamp = Instant.now().toString().replace(":", "").replaceAll("\\..*", "");
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        Files.write(results.resolve(prefix + stamp + ".json"), body);
        Files.write(results.resolve(latest), body);
        return stamp;
    }

    /**
     * Every processor the platform tunes put back to Axon's defaults (tracking, one thread, one segment, batches of
     * one), and every aggregate loaded from all its events, as Axon does unless told to cache or snapshot. The
     * projections stay in their one processor, where Axon would give each its own: the platform has no setting for
     * that, so this baseline is the faster for it, and the ratios against it the smaller.
     */
    static List<String> axonDefaults() {
        var settings = new ArrayList<String>();
        Stream.of(
                        QuerySide.READ_MODELS,
                        OrderFulfillmentSaga.PROCESSING_GROUP,
                        SimulatedCarrierReports.PROCESSING_GROUP)
                .forEach(processor -> {
                    String prefix = "--axon.eventhandling.processors." + processor;
                    settings.addAll(List.of(
                            prefix + ".mode=tracking",
                            prefix + ".batch-size=1",
                            prefix + ".thread-count=1",
                            prefix + ".initial-segment-count=1"));
                });
        settings.add("--orderflow.aggregates.cache=false");
        settings.add("--orderflow.aggregates.snapshot-threshold=0");
        return settings;
    }

    /** One platform, one load, and what came of it. */
    private PlatformFigures measure(String label, List<String> settings, boolean withReplay, boolean withBaselines)
            throws Exception {
        String jar = option("jar", "standalone/target/orderflow-standalone.jar");
        PlatformFigures figures;
        try (var platform = PlatformProcess.launch(http, jar, settings, results.resolve(label + ".log"))) {
            Firehose firehose = platform.firehose();
            long headBefore = platform.head();
            var sampler = ProcessSampler.start(platform.pid(), Duration.ofSeconds(1));
            var loadOptions = new HashMap<>(options);
            loadOptions.put("url", platform.url());
            loadOptions.putIfAbsent("rate", DEFAULT_RATE);
            loadOptions.putIfAbsent("duration", DEFAULT_DURATION);
            // every demo product, as often as its stock allows, so a run at capacity does not sell out
            loadOptions.putIfAbsent("products", DEMO_PRODUCTS_BY_STOCK);
            LoadRun load = LoadRun.of(loadOptions, firehose);
            ProcessSampler.Usage usage = sampler.stop();
            // closed before the replay, which would otherwise push every rebuilt order to it
            firehose.close();
            double stored = Percentiles.oneDecimal((platform.head() - headBefore) / load.seconds());
            Double replay = withReplay ? platform.replayOrderProjection() : null;
            MachineBaselines.Baselines baselines = null;
            LongLivedProduct.Figures product = null;
            if (withBaselines) {
                Duration each = Duration.ofSeconds(Long.parseLong(option("baseline-seconds", "5")));
                baselines = MachineBaselines.measure(platform.addresses(), each);
                product = LongLivedProduct.measure(
                        platform.addresses().jdbcUrl(), Integer.parseInt(option("product-history", "20000")), each);
            }
            figures = new PlatformFigures(load.sent(), load.orders(), stored, usage, replay, baselines, product);
        }
        System.out.println(label + ": " + json.writeValueAsString(figures));
        return figures;
    }

    private String option(String name, String otherwise) {
        return options.getOrDefault(name, otherwise);
    }
}
