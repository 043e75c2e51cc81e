package io.orderflow.standalone.tools;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One benchmark run on one machine: the standalone platform launched as its own process (simulated payment and
 * carrier with no delay), driven by {@link LoadGenerator} at a fixed rate while an operator's firehose records when
 * every order becomes PAID and DELIVERED; then a projection replay over the store the run produced; then the same
 * machine's baselines (single-row commits and batched inserts into the same PostgreSQL, produce to the same Kafka,
 * inserts into the same MongoDB); then commands on a product with a long history ({@link LongLivedProduct}); then the
 * same load against a platform left at Axon's defaults. Prints a table with each figure and its ratio to its
 * baseline, and writes it as JSON and an SVG chart under {@code bench/results/}.
 */
public final class Benchmark {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String ADMIN_PASSWORD = "benchmark operator key";
    private static final Pattern READY = Pattern.compile(
            "OrderFlow ready in [0-9.]+ s: .* PostgreSQL (\\S+) \\| Kafka (\\S+) \\| MongoDB (\\S+)");
    /** About what 2 cores deliver, sustained (README); a higher rate measures the same throughput with a backlog. */
    private static final String DEFAULT_RATE = "8";
    /** Throughput is counted after a warm-up; 70 s of load leave 60 s sustained. */
    private static final int WARM_UP_SECONDS = 10;
    private static final String DEFAULT_DURATION = "70s";
    private static final String DEMO_PRODUCTS_BY_STOCK =
            "PROD-001:10,PROD-002:5,PROD-003:20,PROD-004:7,PROD-005:6,PROD-006:4,PROD-007:15,PROD-008:30";
    private static final Set<String> ENDS = Set.of("DELIVERED", "CANCELLED", "REJECTED", "EXPIRED");
    /** Every processor the platform tunes, put back to Axon's defaults for the comparison run (with its aggregates). */
    private static final List<String> PROCESSORS = List.of("order-projection", "catalog-projection",
            "order-timeline-projection", "payment-projection", "shipment-projection", "order-fulfilment-saga",
            "simulated-carrier");

    private final Map<String, String> options;
    private final Path results;

    private Benchmark(Map<String, String> options) {
        this.options = options;
        this.results = Path.of(options.getOrDefault("out", "bench/results"));
    }

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new Benchmark(options).run();
    }

    private void run() throws Exception {
        Files.createDirectories(results);
        var report = new LinkedHashMap<String, Object>();
        report.put("when", Instant.now().toString());
        report.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap of the benchmark JVM");
        report.put("load", Map.of("rate", options.getOrDefault("rate", DEFAULT_RATE),
                "duration", options.getOrDefault("duration", DEFAULT_DURATION),
                "concurrency", options.getOrDefault("concurrency", "16")));
        // --settings "--a=b --c=d": settings to try on the tuned platform before keeping them in application.yml
        List<String> trial = options.containsKey("settings") ? List.of(options.get("settings").trim().split("\\s+")) : List.of();
        report.put("trialSettings", trial);
        // --before "--a=b ...": the settings a kept tuning replaced, measured in the same run for its before and after
        List<String> before = options.containsKey("before") ? List.of(options.get("before").trim().split("\\s+")) : List.of();
        Map<String, Object> previous = before.isEmpty() ? null : measure("before", before, true, false);
        Map<String, Object> tuned = measure("tuned", trial, true, true);
        Map<String, Object> defaults = measure("axon-defaults", axonDefaults(), false, false);
        report.put("tuned", tuned);
        report.put("axonDefaults", defaults);
        List<Object[]> rows = table(tuned, defaults);
        if (previous != null) {
            report.put("beforeSettings", before);
            report.put("before", previous);
            rows.addAll(beforeAndAfter(tuned, previous));
        }
        report.put("table", rows.stream().map(row -> Map.of("figure", row[0], "value", row[1], "baseline", row[2],
                "baselineValue", row[3], "ratio", row[4])).toList());
        print(rows);
        String stamp = Instant.now().toString().replace(":", "").replaceAll("\\..*", "");
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        Files.write(results.resolve("benchmark-" + stamp + ".json"), body);
        Files.write(results.resolve("latest.json"), body);
        String chart = chart(rows);
        Files.writeString(results.resolve("benchmark-" + stamp + ".svg"), chart);
        Files.writeString(results.resolve("latest.svg"), chart);
        System.out.println("written: " + results.resolve("latest.json") + ", " + results.resolve("latest.svg"));
    }

    private static List<String> axonDefaults() {
        var settings = new ArrayList<String>();
        for (String processor : PROCESSORS) {
            settings.add("--axon.eventhandling.processors." + processor + ".mode=tracking");
            settings.add("--axon.eventhandling.processors." + processor + ".batch-size=1");
            settings.add("--axon.eventhandling.processors." + processor + ".thread-count=1");
            settings.add("--axon.eventhandling.processors." + processor + ".initial-segment-count=1");
        }
        // Axon loads every aggregate from all its events unless told to cache or snapshot it
        settings.add("--orderflow.aggregates.cache=false");
        settings.add("--orderflow.aggregates.snapshot-threshold=0");
        return settings;
    }

    /** One platform, one load, and what came of it. */
    private Map<String, Object> measure(String label, List<String> settings, boolean withReplay, boolean withBaselines)
            throws Exception {
        Path dataDir = Files.createTempDirectory("orderflow-bench-" + label);
        int port = freePort();
        var command = new ArrayList<>(List.of("java", "-jar", options.getOrDefault("jar", "standalone/target/orderflow-standalone.jar")));
        command.addAll(settings);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("ORDERFLOW_DATA_DIR", dataDir.toString(), "SERVER_PORT", Integer.toString(port),
                "ORDERFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD, "ORDERFLOW_CARRIER_SIMULATED_DISPATCH_DELAY", "0s",
                "ORDERFLOW_CARRIER_SIMULATED_DELIVERY_DELAY", "0s", "ORDERFLOW_OPERATIONS_MAX_PROCESSOR_LAG", "1000000"));
        Process platform = builder.start();
        var figures = new LinkedHashMap<String, Object>();
        try {
            Matcher ready = awaitReady(platform, results.resolve(label + ".log"));
            String url = "http://localhost:" + port;
            String admin = signIn(url);
            var seen = new ConcurrentHashMap<String, Long>();
            CompletableFuture<Void> firehose = watch(url, admin, seen);
            long headBefore = head(url, admin);
            var sampler = new ProcessSampler(platform.pid());
            sampler.start();

            var loadOptions = new HashMap<>(options);
            loadOptions.put("url", url);
            loadOptions.putIfAbsent("rate", DEFAULT_RATE);
            loadOptions.putIfAbsent("duration", DEFAULT_DURATION);
            // every demo product, as often as its stock allows, so a run at capacity does not sell out
            loadOptions.putIfAbsent("products", DEMO_PRODUCTS_BY_STOCK);
            var load = new LoadGenerator(loadOptions);
            long loadStart = System.nanoTime();
            Map<String, Object> accepted = load.run();
            long loadEnd = System.nanoTime();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline && !load.accepted().keySet().stream()
                    .allMatch(order -> ENDS.stream().anyMatch(end -> seen.containsKey(order + " " + end)))) {
                Thread.sleep(500);
            }
            sampler.stop();
            firehose.cancel(true);

            var toPaid = new ArrayList<Long>();
            var toDelivered = new ArrayList<Long>();
            long lastDelivery = loadStart;
            // sustained throughput: deliveries while the load runs, after a warm-up, so a backlog drained after
            // the load stops does not count
            long windowStart = loadStart + Math.min(TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS), (loadEnd - loadStart) / 2);
            int deliveredInWindow = 0;
            int sentInWindow = 0;
            int ended = 0;
            for (var order : load.accepted().entrySet()) {
                Long paid = seen.get(order.getKey() + " PAID");
                Long delivered = seen.get(order.getKey() + " DELIVERED");
                if (paid != null) {
                    toPaid.add(paid - order.getValue().sentAt());
                }
                if (delivered != null) {
                    toDelivered.add(delivered - order.getValue().sentAt());
                    lastDelivery = Math.max(lastDelivery, delivered);
                    if (delivered >= windowStart && delivered <= loadEnd) {
                        deliveredInWindow++;
                    }
                }
                if (order.getValue().sentAt() >= windowStart && order.getValue().sentAt() <= loadEnd) {
                    sentInWindow++;
                }
                if (ENDS.stream().anyMatch(end -> seen.containsKey(order.getKey() + " " + end))) {
                    ended++;
                }
            }
            double loadSeconds = (loadEnd - loadStart) / 1e9;
            long headAfter = head(url, admin);
            figures.put("load", accepted);
            figures.put("ordersAccepted", load.accepted().size());
            figures.put("ordersEnded", ended);
            figures.put("ordersDelivered", toDelivered.size());
            figures.put("ordersRejected", load.accepted().keySet().stream()
                    .filter(order -> seen.containsKey(order + " REJECTED")).count());
            double windowSeconds = (loadEnd - windowStart) / 1e9;
            figures.put("sustainedSeconds", round(windowSeconds));
            figures.put("acceptedPerSecondSustained", round(sentInWindow / windowSeconds));
            figures.put("deliveredPerSecondSustained", round(deliveredInWindow / windowSeconds));
            figures.put("deliveredPerSecond", round(toDelivered.size() / ((lastDelivery - loadStart) / 1e9)));
            figures.put("eventsStoredPerSecond", round((headAfter - headBefore) / loadSeconds));
            figures.put("toPaidMillis", percentiles(toPaid));
            figures.put("toDeliveredMillis", percentiles(toDelivered));
            figures.put("residentMiBMax", sampler.maxResidentMiB);
            figures.put("cpuCoresAverage", round(sampler.averageCores()));
            if (withReplay) {
                figures.put("replayEventsPerSecond", replay(url, admin));
            }
            if (withBaselines) {
                Duration each = Duration.ofSeconds(Long.parseLong(options.getOrDefault("baseline-seconds", "5")));
                figures.put("baselines", baselines(ready.group(1), ready.group(2), ready.group(3), each));
                figures.put("longLivedProduct", LongLivedProduct.measure(ready.group(1),
                        Integer.parseInt(options.getOrDefault("product-history", "20000")), each));
            }
        } finally {
            platform.destroy();
            if (!platform.waitFor(60, TimeUnit.SECONDS)) {
                platform.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            // the run's event store, read models and broker log are of no use after it
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.out.println(label + ": " + json.writeValueAsString(figures));
        return figures;
    }

    /** Rebuilds the order projection from the run's store; events per second. */
    private static double replay(String url, String admin) throws Exception {
        long total = head(url, admin);
        long start = System.nanoTime();
        send(url + "/api/admin/projections/order-projection/replay", admin, "POST");
        while (true) {
            Thread.sleep(250);
            for (JsonNode processor : json.readTree(send(url + "/api/admin/projections", admin, "GET").body())) {
                if (processor.get("name").asString().equals("order-projection") && !processor.get("replaying").asBoolean()
                        && processor.get("lag").asLong() == 0) {
                    return round(total / ((System.nanoTime() - start) / 1e9));
                }
            }
        }
    }

    /** What the same PostgreSQL, Kafka and MongoDB do on their own, each for the time given. */
    private static Map<String, Object> baselines(String jdbcUrl, String kafka, String mongoUri, Duration each)
            throws Exception {
        var baselines = new LinkedHashMap<String, Object>();
        byte[] payload = new byte[600]; // about an order event's serialized size in domainevententry
        Arrays.fill(payload, (byte) 'x');
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            db.createStatement().execute("create table if not exists bench_rows (id bigserial primary key, "
                    + "aggregate varchar(255), type varchar(255), payload bytea, at varchar(64))");
            baselines.put("postgresSingleRowCommitsPerSecond", rate(each, () -> {
                try (var insert = db.prepareStatement("insert into bench_rows (aggregate, type, payload, at) values (?, ?, ?, ?)")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "io.orderflow.api.order.OrderPlacedEvent");
                    insert.setBytes(3, payload);
                    insert.setString(4, Instant.now().toString());
                    insert.executeUpdate();
                }
                return 1;
            }));
            db.setAutoCommit(false);
            baselines.put("postgresBatchedInsertRowsPerSecond", rate(each, () -> {
                try (var insert = db.prepareStatement("insert into bench_rows (aggregate, type, payload, at) values (?, ?, ?, ?)")) {
                    for (int i = 0; i < 100; i++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, "io.orderflow.api.order.OrderPlacedEvent");
                        insert.setBytes(3, payload);
                        insert.setString(4, Instant.now().toString());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                db.commit();
                return 100;
            }));
            db.createStatement().execute("drop table bench_rows");
            db.commit();
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer())) {
            baselines.put("kafkaProducedPerSecondAcked", rate(each, () -> {
                var sends = new ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < 100; i++) {
                    sends.add(producer.send(new ProducerRecord<>("bench.baseline", UUID.randomUUID().toString(), payload)));
                }
                for (var sent : sends) {
                    sent.get();
                }
                return 100;
            }));
        }
        try (var mongo = MongoClients.create(mongoUri)) {
            var collection = mongo.getDatabase("bench").getCollection("rows");
            String text = new String(payload, StandardCharsets.US_ASCII);
            baselines.put("mongoInsertsPerSecond", rate(each, () -> {
                collection.insertOne(new Document("order", UUID.randomUUID().toString()).append("payload", text));
                return 1;
            }));
            var journaled = collection.withWriteConcern(WriteConcern.JOURNALED);
            baselines.put("mongoJournaledInsertsPerSecond", rate(each, () -> {
                journaled.insertOne(new Document("order", UUID.randomUUID().toString()).append("payload", text));
                return 1;
            }));
            mongo.getDatabase("bench").drop();
        }
        return baselines;
    }

    private interface Work {
        int run() throws Exception;
    }

    private static double rate(Duration time, Work work) throws Exception {
        long done = 0;
        long start = System.nanoTime();
        long end = start + time.toNanos();
        while (System.nanoTime() < end) {
            done += work.run();
        }
        return round(done / ((System.nanoTime() - start) / 1e9));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> table(Map<String, Object> tuned, Map<String, Object> defaults) {
        var rows = new ArrayList<Object[]>();
        rows.add(row("orders DELIVERED per second, sustained", tuned.get("deliveredPerSecondSustained"),
                "orders accepted per second", tuned.get("acceptedPerSecondSustained")));
        rows.add(row("orders DELIVERED per second, sustained", tuned.get("deliveredPerSecondSustained"), "Axon defaults",
                defaults.get("deliveredPerSecondSustained")));
        for (String kind : List.of("toPaidMillis", "toDeliveredMillis")) {
            var ours = (Map<String, Object>) tuned.get(kind);
            var theirs = (Map<String, Object>) defaults.get(kind);
            for (String p : List.of("p50", "p95", "p99", "max")) {
                rows.add(row(("toPaidMillis".equals(kind) ? "POST to PAID ms " : "POST to DELIVERED ms ") + p,
                        ours.get(p), "Axon defaults", theirs.get(p)));
            }
        }
        var ourLoad = (Map<String, Object>) tuned.get("load");
        var theirLoad = (Map<String, Object>) defaults.get("load");
        for (String p : List.of("P50", "P95", "P99", "Max")) {
            rows.add(row("POST /api/orders accepted ms " + p.toLowerCase(), ourLoad.get("acceptMillis" + p), "Axon defaults",
                    theirLoad.get("acceptMillis" + p)));
        }
        var baselines = (Map<String, Object>) tuned.get("baselines");
        rows.add(row("events stored per second under load", tuned.get("eventsStoredPerSecond"),
                "PostgreSQL single-row commits/s", baselines.get("postgresSingleRowCommitsPerSecond")));
        rows.add(row("order-projection replay events per second", tuned.get("replayEventsPerSecond"),
                "PostgreSQL batched inserts rows/s", baselines.get("postgresBatchedInsertRowsPerSecond")));
        rows.add(row("order-projection replay events per second", tuned.get("replayEventsPerSecond"),
                "MongoDB single inserts/s", baselines.get("mongoInsertsPerSecond")));
        rows.add(row("order-projection replay events per second", tuned.get("replayEventsPerSecond"),
                "MongoDB journaled single inserts/s", baselines.get("mongoJournaledInsertsPerSecond")));
        rows.add(row("events stored per second under load", tuned.get("eventsStoredPerSecond"),
                "Kafka acked produce/s", baselines.get("kafkaProducedPerSecondAcked")));
        var product = (Map<String, Object>) tuned.get("longLivedProduct");
        String history = String.format("%,d", ((Number) product.get("historyEvents")).intValue());
        rows.add(row("commands/s, product of " + history + " events: snapshots", product.get("snapshotsCommandsPerSecond"),
                "Axon defaults: every event read", product.get("axonDefaultsCommandsPerSecond")));
        rows.add(row("commands/s, product of " + history + " events: + cache",
                product.get("snapshotsAndCacheCommandsPerSecond"), "Axon defaults: every event read",
                product.get("axonDefaultsCommandsPerSecond")));
        rows.add(row("resident memory MiB (max)", tuned.get("residentMiBMax"), "Axon defaults", defaults.get("residentMiBMax")));
        rows.add(row("CPU cores used (average)", tuned.get("cpuCoresAverage"), "Axon defaults", defaults.get("cpuCoresAverage")));
        return rows;
    }

    /** The tuned platform against the settings its tuning replaced: after / before. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> beforeAndAfter(Map<String, Object> after, Map<String, Object> before) {
        var rows = new ArrayList<Object[]>();
        rows.add(row("orders DELIVERED per second, sustained", after.get("deliveredPerSecondSustained"), "before the tuning",
                before.get("deliveredPerSecondSustained")));
        for (String kind : List.of("toPaidMillis", "toDeliveredMillis")) {
            for (String p : List.of("p50", "p95", "p99", "max")) {
                rows.add(row(("toPaidMillis".equals(kind) ? "POST to PAID ms " : "POST to DELIVERED ms ") + p,
                        ((Map<String, Object>) after.get(kind)).get(p), "before the tuning",
                        ((Map<String, Object>) before.get(kind)).get(p)));
            }
        }
        for (String p : List.of("P50", "P95", "P99", "Max")) {
            rows.add(row("POST /api/orders accepted ms " + p.toLowerCase(),
                    ((Map<String, Object>) after.get("load")).get("acceptMillis" + p), "before the tuning",
                    ((Map<String, Object>) before.get("load")).get("acceptMillis" + p)));
        }
        rows.add(row("order-projection replay events per second", after.get("replayEventsPerSecond"), "before the tuning",
                before.get("replayEventsPerSecond")));
        rows.add(row("CPU cores used (average)", after.get("cpuCoresAverage"), "before the tuning", before.get("cpuCoresAverage")));
        return rows;
    }

    private static Object[] row(String figure, Object value, String baseline, Object baselineValue) {
        double ratio = ((Number) baselineValue).doubleValue() == 0 ? 0
                : ((Number) value).doubleValue() / ((Number) baselineValue).doubleValue();
        return new Object[]{figure, value, baseline, baselineValue, Math.round(ratio * 1000) / 1000.0};
    }

    private static void print(List<Object[]> rows) {
        System.out.printf("%n| %-50s | %10s | %-34s | %10s | %7s |%n", "figure", "value", "baseline", "baseline", "ratio");
        System.out.println("| --- | ---: | --- | ---: | ---: |");
        rows.forEach(row -> System.out.printf("| %-50s | %10s | %-34s | %10s | %6.3f× |%n", row));
    }

    /**
     * A bar per row from the 1.0 line to its ratio, on a log scale from 0.001× to 100×, so a ratio of 0.01 and one
     * of 100 are as far from 1.0 as each other.
     */
    private static String chart(List<Object[]> rows) {
        int barHeight = 22;
        int labelWidth = 620;
        double pixelsPerDecade = 80;
        double one = labelWidth + 3 * pixelsPerDecade;
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (labelWidth + 5 * pixelsPerDecade + 70)
                + "\" height=\"" + (rows.size() * barHeight + 60) + "\" font-family=\"sans-serif\" font-size=\"12\">\n"
                + "<text x=\"10\" y=\"20\" font-size=\"14\">OrderFlow benchmark: each figure as a ratio to its baseline"
                + " (log scale, 0.001× to 100×)</text>\n");
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            int y = 40 + i * barHeight;
            double ratio = (double) row[4];
            double end = one + Math.log10(Math.min(100, Math.max(0.001, ratio))) * pixelsPerDecade;
            svg.append(String.format(java.util.Locale.ROOT, "<text x=\"10\" y=\"%d\">%s / %s</text>%n"
                            + "<rect x=\"%.0f\" y=\"%d\" width=\"%.0f\" height=\"%d\" fill=\"%s\"/>%n"
                            + "<text x=\"%.0f\" y=\"%d\">%.3f×</text>%n",
                    y + 15, xml(row[0]), xml(row[2]), Math.min(one, end), y + 4, Math.max(1, Math.abs(end - one)), barHeight - 8,
                    ratio < 1 ? "#c98a3a" : "#4a7ab8", Math.max(one, end) + 4, y + 15, ratio));
        }
        svg.append(String.format(java.util.Locale.ROOT, "<line x1=\"%.0f\" y1=\"36\" x2=\"%.0f\" y2=\"%d\" stroke=\"#c33\""
                + " stroke-dasharray=\"4\"/>%n</svg>%n", one, one, 40 + rows.size() * barHeight));
        return svg.toString();
    }

    private static String xml(Object text) {
        return text.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, Object> percentiles(List<Long> nanos) {
        var sorted = new ArrayList<>(nanos);
        java.util.Collections.sort(sorted);
        var result = new LinkedHashMap<String, Object>();
        result.put("p50", LoadGenerator.percentile(sorted, 0.50));
        result.put("p95", LoadGenerator.percentile(sorted, 0.95));
        result.put("p99", LoadGenerator.percentile(sorted, 0.99));
        result.put("max", LoadGenerator.percentile(sorted, 1.0));
        return result;
    }

    /** Records when each order was first seen in each status on the operators' firehose. */
    private static CompletableFuture<Void> watch(String url, String admin, Map<String, Long> seen) {
        var request = HttpRequest.newBuilder(URI.create(url + "/api/orders/stream"))
                .header("Authorization", "Bearer " + admin).header("Accept", "text/event-stream").build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response ->
                response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                    JsonNode order = json.readTree(line.substring(5));
                    seen.putIfAbsent(order.get("orderId").asString() + " " + order.get("status").asString(), System.nanoTime());
                }));
    }

    private static long head(String url, String admin) throws Exception {
        return json.readTree(send(url + "/api/admin/projections", admin, "GET").body()).get(0).get("head").asLong();
    }

    private static String signIn(String url) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/auth/signin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"admin@orderflow.local\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).get("accessToken").asString();
    }

    private static HttpResponse<String> send(String url, String token, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Matcher awaitReady(Process platform, Path log) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8));
        var writer = Files.newBufferedWriter(log);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String line;
        while ((line = reader.readLine()) != null && System.nanoTime() < deadline) {
            writer.write(line);
            writer.newLine();
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                writer.flush();
                var drain = new Thread(() -> {
                    try (writer; reader) {
                        String rest;
                        while ((rest = reader.readLine()) != null) {
                            writer.write(rest);
                            writer.newLine();
                        }
                    } catch (IOException ignored) {
                        // the platform stopped
                    }
                }, "platform-log");
                drain.setDaemon(true);
                drain.start();
                return ready;
            }
        }
        writer.close();
        throw new IllegalStateException("the platform did not get ready; see " + log);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Resident memory and CPU time of the platform's process, from /proc, every second. */
    private static final class ProcessSampler {

        private final long pid;
        private volatile boolean running = true;
        private volatile long maxResidentMiB;
        private long firstTicks = -1;
        private long lastTicks;
        private long firstAt;
        private long lastAt;
        private Thread thread;

        ProcessSampler(long pid) {
            this.pid = pid;
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                            if (line.startsWith("VmRSS:")) {
                                maxResidentMiB = Math.max(maxResidentMiB, Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                            }
                        }
                        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
                        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                        if (firstTicks < 0) {
                            firstTicks = ticks;
                            firstAt = System.nanoTime();
                        }
                        lastTicks = ticks;
                        lastAt = System.nanoTime();
                        Thread.sleep(1000);
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        return;
                    }
                }
            }, "process-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(2000);
        }

        /** Cores busy on average: CPU seconds over wall seconds (clock ticks of 1/100 s). */
        double averageCores() {
            return lastAt <= firstAt ? 0 : (lastTicks - firstTicks) / 100.0 / ((lastAt - firstAt) / 1e9);
        }
    }
}
