package io.orderflow.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long run at a rate well below what the platform keeps up with, to see whether it stays the same platform: the
 * standalone jar as its own process, {@link LoadGenerator} offering a fixed rate window after window, and for each
 * window the orders delivered per second, p99 from POST to {@code DELIVERED}, the answers that were errors, and the
 * platform's resident memory and CPU. The drift is the last window against the first. Demo products start with
 * plenty of stock ({@code orderflow.demo-catalog.initial-stock}), so an hour of orders does not sell them out.
 * <pre>
 * bench/soak.sh [--minutes 60] [--window 5m] [--warm-up 2m] [--rate 4]
 * </pre>
 */
public final class Soak {

    private static final JsonMapper json = JsonMapper.builder().build();
    /** Half of the 8 orders/s the benchmark shows this 2-core machine keeping up with (docs/benchmark.md). */
    private static final String DEFAULT_RATE = "4";

    private static final Duration SETTLING = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> options;

    /**
     * One window of the soak.
     *
     * @param deliveredPerSecond orders delivered while the window ran, per second
     * @param toDeliveredP99Millis p99 from POST to {@code DELIVERED} of the orders sent in the window
     * @param errorAnswers answers that were not 2xx (or no answer at all)
     * @param notSent orders not sent because every connection was busy: the platform answering slower than the
     *     rate needs, not an error of its own
     * @param residentMiB the platform's most resident memory in the window
     */
    record Window(
            int index,
            double minutesFromStart,
            long ordersSent,
            double deliveredPerSecond,
            double toDeliveredP99Millis,
            int errorAnswers,
            int notSent,
            long residentMiB,
            double cpuCores) {}

    /** The whole soak, as written to {@code soak-latest.json}. */
    record Report(
            String when,
            double rate,
            String window,
            List<Window> windows,
            double throughputDriftPercent,
            double p99DriftPercent,
            double residentMemoryDriftPercent,
            int errorAnswers) {}

    Soak(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Report report = new Soak(Options.parse(args)).run();
        System.exit(report.errorAnswers() == 0 ? 0 : 1);
    }

    Report run() throws Exception {
        Path results = Path.of(options.getOrDefault("out", "bench/results"));
        Files.createDirectories(results);
        Duration window =
                Duration.parse("PT" + options.getOrDefault("window", "5m").toUpperCase());
        int windows =
                (int) Math.max(1, Long.parseLong(options.getOrDefault("minutes", "60")) * 60 / window.toSeconds());
        String jar = options.getOrDefault("jar", "standalone/target/orderflow-standalone.jar");
        List<Window> figures = new ArrayList<>();
        try (var platform = PlatformProcess.launch(
                http, jar, List.of("--orderflow.demo-catalog.initial-stock=1000000"), results.resolve("soak.log"))) {
            // the same load before the first window, not counted: a fresh JVM compiles its hot paths first
            Duration warmUp =
                    Duration.parse("PT" + options.getOrDefault("warm-up", "2m").toUpperCase());
            if (!warmUp.isZero()) {
                new LoadGenerator(LoadGenerator.Settings.of(loadOptions(platform, warmUp))).run();
            }
            List<Firehose> firehoses = new ArrayList<>();
            List<LoadGenerator> loads = new ArrayList<>();
            List<ProcessSampler.Usage> usages = new ArrayList<>();
            List<LoadGenerator.Figures> sent = new ArrayList<>();
            for (int i = 0; i < windows; i++) {
                // a firehose per window, each with a fresh token, the one before kept open for its late orders
                firehoses.add(platform.firehose());
                if (i >= 2) {
                    firehoses.get(i - 2).close();
                }
                var sampler = ProcessSampler.start(platform.pid(), Duration.ofSeconds(5));
                var load = new LoadGenerator(LoadGenerator.Settings.of(loadOptions(platform, window)));
                sent.add(load.run());
                loads.add(load);
                usages.add(sampler.stop());
                System.out.printf(
                        "window %d of %d: %s, resident %d MiB%n",
                        i + 1, windows, sent.get(i).responses(), usages.get(i).residentMiBMax());
            }
            long settled = System.nanoTime() + SETTLING.toNanos();
            LoadGenerator last = loads.get(loads.size() - 1);
            while (System.nanoTime() < settled
                    && !last.accepted().keySet().stream().allMatch(firehoses.get(windows - 1)::hasEnded)) {
                TimeUnit.SECONDS.sleep(1);
            }
            long soakStart = loads.get(0).sendingStartedAt();
            for (int i = 0; i < windows; i++) {
                LoadGenerator load = loads.get(i);
                long from = load.sendingStartedAt();
                long to = i + 1 < windows ? loads.get(i + 1).sendingStartedAt() : load.sendingEndedAt();
                figures.add(window(i, soakStart, sent.get(i), usages.get(i), loads, firehoses, from, to));
            }
            firehoses.forEach(Firehose::close);
        }
        Window first = figures.get(0);
        Window lastWindow = figures.get(figures.size() - 1);
        var report = new Report(
                Instant.now().toString(),
                Double.parseDouble(options.getOrDefault("rate", DEFAULT_RATE)),
                window.toString(),
                figures,
                drift(first.deliveredPerSecond(), lastWindow.deliveredPerSecond()),
                drift(first.toDeliveredP99Millis(), lastWindow.toDeliveredP99Millis()),
                drift(first.residentMiB(), lastWindow.residentMiB()),
                figures.stream().mapToInt(Window::errorAnswers).sum());
        System.out.printf("%n%s", markdown(report));
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        Files.write(results.resolve("soak-latest.json"), body);
        System.out.println("written: " + results.resolve("soak-latest.json"));
        return report;
    }

    private Map<String, String> loadOptions(PlatformProcess platform, Duration duration) {
        var loadOptions = new HashMap<>(options);
        loadOptions.keySet().removeAll(List.of("minutes", "window", "warm-up", "jar", "out"));
        loadOptions.put("url", platform.url());
        loadOptions.putIfAbsent("rate", DEFAULT_RATE);
        loadOptions.put("duration", duration.toSeconds() + "s");
        loadOptions.putIfAbsent("products", "PROD-001,PROD-002,PROD-003,PROD-004,PROD-005,PROD-006,PROD-007,PROD-008");
        return loadOptions;
    }

    /** Deliveries in the window's time, and the p99 of the window's own orders, from whichever firehose saw them. */
    private static Window window(
            int index,
            long soakStart,
            LoadGenerator.Figures sent,
            ProcessSampler.Usage usage,
            List<LoadGenerator> loads,
            List<Firehose> firehoses,
            long from,
            long to) {
        int delivered = 0;
        // deliveries in this window's time, of orders sent in this window or the one before
        for (int j = Math.max(0, index - 1); j <= index; j++) {
            for (String orderId : loads.get(j).accepted().keySet()) {
                Long at = deliveredAt(firehoses, j, orderId);
                if (at != null && at >= from && at < to) {
                    delivered++;
                }
            }
        }
        var toDelivered = new ArrayList<Long>();
        loads.get(index).accepted().forEach((orderId, accepted) -> {
            Long at = deliveredAt(firehoses, index, orderId);
            if (at != null) {
                toDelivered.add(at - accepted.sentAt());
            }
        });
        int errors = sent.responses().entrySet().stream()
                .filter(answer -> !answer.getKey().matches("\\w+ 2\\d\\d"))
                .mapToInt(Map.Entry::getValue)
                .sum();
        return new Window(
                index + 1,
                Percentiles.oneDecimal((from - soakStart) / 60e9),
                sent.ordersSent(),
                Percentiles.oneDecimal(delivered / ((to - from) / 1e9)),
                Percentiles.ofNanos(toDelivered).p99(),
                errors,
                sent.ordersNotSentAllConnectionsBusy(),
                usage.residentMiBMax(),
                usage.cpuCoresAverage());
    }

    /** When an order sent in the given window was delivered, as that window's firehose or the next one saw it. */
    private static Long deliveredAt(List<Firehose> firehoses, int window, String orderId) {
        return firehoses.subList(window, Math.min(window + 2, firehoses.size())).stream()
                .map(firehose -> firehose.at(orderId, "DELIVERED"))
                .filter(at -> at != null)
                .min(Long::compare)
                .orElse(null);
    }

    static double drift(double first, double last) {
        return first == 0 ? 0 : Percentiles.oneDecimal((last - first) / first * 100);
    }

    static String markdown(Report report) {
        var table = new StringBuilder(
                "| window | from minute | orders sent | not sent (connections busy) | delivered/s | p99 POST→DELIVERED (ms)"
                        + " | error answers | resident MiB | CPU cores |\n"
                        + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Window w : report.windows()) {
            table.append("| %d | %.1f | %d | %d | %.2f | %.0f | %d | %d | %.2f |%n"
                    .formatted(
                            w.index(),
                            w.minutesFromStart(),
                            w.ordersSent(),
                            w.notSent(),
                            w.deliveredPerSecond(),
                            w.toDeliveredP99Millis(),
                            w.errorAnswers(),
                            w.residentMiB(),
                            w.cpuCores()));
        }
        table.append("%nDrift, last window against the first: throughput %+.1f%%, p99 %+.1f%%, resident memory %+.1f%%;"
                        .formatted(
                                report.throughputDriftPercent(),
                                report.p99DriftPercent(),
                                report.residentMemoryDriftPercent()))
                .append(" error answers: %d.%n".formatted(report.errorAnswers()));
        return table.toString();
    }
}
