package io.orderflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The benchmark's table: each figure beside the baseline it is divided by, measured in the same run. */
final class ResultsTable {

    private static final String AXON_DEFAULTS = "Axon defaults";
    private static final String BEFORE = "before the tuning";
    private static final List<String> PERCENTILES = List.of("p50", "p95", "p99", "max");

    /** One figure, its baseline and their ratio (figure / baseline, 0 when the baseline is 0). */
    record Row(String figure, double value, String baseline, double baselineValue, double ratio) {

        static Row of(String figure, double value, String baseline, double baselineValue) {
            double ratio = baselineValue == 0 ? 0 : value / baselineValue;
            return new Row(figure, value, baseline, baselineValue, Math.round(ratio * 1000) / 1000.0);
        }
    }

    private ResultsTable() {}

    /**
     * The tuned platform against its own acceptance rate, Axon's defaults, the machine's baselines and Axon's default
     * loading of a long-lived product. The tuned figures must hold the baselines and the long-lived product.
     */
    static List<Row> against(PlatformFigures tuned, PlatformFigures defaults) {
        var rows = new ArrayList<Row>();
        double delivered = tuned.orders().deliveredPerSecondSustained();
        rows.add(Row.of(
                "orders DELIVERED per second, sustained",
                delivered,
                "orders accepted per second",
                tuned.orders().acceptedPerSecondSustained()));
        rows.addAll(compared(tuned, defaults, AXON_DEFAULTS));
        var baselines = tuned.baselines();
        double stored = tuned.eventsStoredPerSecond();
        double replay = tuned.replayEventsPerSecond();
        rows.add(Row.of(
                "events stored per second under load",
                stored,
                "PostgreSQL single-row commits/s",
                baselines.postgresSingleRowCommitsPerSecond()));
        rows.add(Row.of(
                "order-projection replay events per second",
                replay,
                "PostgreSQL batched inserts rows/s",
                baselines.postgresBatchedInsertRowsPerSecond()));
        rows.add(Row.of(
                "order-projection replay events per second",
                replay,
                "MongoDB single inserts/s",
                baselines.mongoInsertsPerSecond()));
        rows.add(Row.of(
                "order-projection replay events per second",
                replay,
                "MongoDB journaled single inserts/s",
                baselines.mongoJournaledInsertsPerSecond()));
        rows.add(Row.of(
                "events stored per second under load",
                stored,
                "Kafka acked produce/s",
                baselines.kafkaProducedPerSecondAcked()));
        var product = tuned.longLivedProduct();
        String history = String.format(Locale.ROOT, "%,d", product.historyEvents());
        rows.add(Row.of(
                "commands/s, product of " + history + " events: snapshots",
                product.snapshotsCommandsPerSecond(),
                "Axon defaults: every event read",
                product.axonDefaultsCommandsPerSecond()));
        rows.add(Row.of(
                "commands/s, product of " + history + " events: + cache",
                product.snapshotsAndCacheCommandsPerSecond(),
                "Axon defaults: every event read",
                product.axonDefaultsCommandsPerSecond()));
        rows.add(Row.of(
                "resident memory MiB (max)",
                tuned.usage().residentMiBMax(),
                AXON_DEFAULTS,
                defaults.usage().residentMiBMax()));
        rows.add(Row.of(
                "CPU cores used (average)",
                tuned.usage().cpuCoresAverage(),
                AXON_DEFAULTS,
                defaults.usage().cpuCoresAverage()));
        return rows;
    }

    /** The tuned platform against the settings its tuning replaced: after / before. Both must hold a replay. */
    static List<Row> beforeAndAfter(PlatformFigures after, PlatformFigures before) {
        var rows = compared(after, before, BEFORE);
        rows.add(Row.of(
                "order-projection replay events per second",
                after.replayEventsPerSecond(),
                BEFORE,
                before.replayEventsPerSecond()));
        rows.add(Row.of(
                "CPU cores used (average)",
                after.usage().cpuCoresAverage(),
                BEFORE,
                before.usage().cpuCoresAverage()));
        return rows;
    }

    /**
     * The capacity run: the tuned platform's capacity and CPU per delivered order against each other standalone
     * platform measured (by label: Axon's defaults, the settings a tuning replaced, an earlier commit's jar) and
     * against distributed mode, and its latencies at half its capacity. Platforms not measured have no rows.
     */
    static List<Row> capacity(
            Capacity.Figures tuned,
            Capacity.Step half,
            Map<String, Capacity.Figures> others,
            Capacity.Figures distributed) {
        var rows = new ArrayList<Row>();
        others.forEach((label, other) -> {
            rows.add(Row.of(
                    "capacity: orders/s DELIVERED, p99 <= 1 s, held 60 s",
                    tuned.ordersPerSecond(),
                    label,
                    other.ordersPerSecond()));
            rows.add(Row.of(
                    "CPU ms (JVM + PostgreSQL) per delivered order, at capacity",
                    cpuPerOrder(tuned),
                    label,
                    cpuPerOrder(other)));
        });
        if (distributed != null) {
            rows.add(Row.of(
                    "capacity, distributed (one instance of each service)",
                    distributed.ordersPerSecond(),
                    "standalone",
                    tuned.ordersPerSecond()));
            rows.add(Row.of(
                    "CPU ms per delivered order, distributed",
                    cpuPerOrder(distributed),
                    "standalone",
                    cpuPerOrder(tuned)));
        }
        if (half != null && tuned.sustained() != null) {
            String atCapacity = "the same at capacity";
            rows.add(Row.of(
                    "POST to PAID ms p99, at half capacity",
                    half.toPaidMillis().p99(),
                    atCapacity,
                    tuned.sustained().toPaidMillis().p99()));
            rows.add(Row.of(
                    "POST to DELIVERED ms p99, at half capacity",
                    half.toDeliveredMillis().p99(),
                    atCapacity,
                    tuned.sustained().toDeliveredMillis().p99()));
        }
        return rows;
    }

    private static double cpuPerOrder(Capacity.Figures figures) {
        return figures.sustained() == null ? 0 : figures.sustained().cpuMillisPerDeliveredOrder();
    }

    /** Throughput and latencies of one platform against another. */
    private static List<Row> compared(PlatformFigures ours, PlatformFigures theirs, String baseline) {
        var rows = new ArrayList<Row>();
        rows.add(Row.of(
                "orders DELIVERED per second, sustained",
                ours.orders().deliveredPerSecondSustained(),
                baseline,
                theirs.orders().deliveredPerSecondSustained()));
        addPercentiles(
                rows,
                "POST to PAID ms ",
                ours.orders().toPaidMillis(),
                theirs.orders().toPaidMillis(),
                baseline);
        addPercentiles(
                rows,
                "POST to DELIVERED ms ",
                ours.orders().toDeliveredMillis(),
                theirs.orders().toDeliveredMillis(),
                baseline);
        addPercentiles(
                rows,
                "POST /api/orders accepted ms ",
                ours.load().acceptMillis(),
                theirs.load().acceptMillis(),
                baseline);
        return rows;
    }

    private static void addPercentiles(
            List<Row> rows, String figure, Percentiles ours, Percentiles theirs, String baseline) {
        List<ToDoubleFunction<Percentiles>> values =
                List.of(Percentiles::p50, Percentiles::p95, Percentiles::p99, Percentiles::max);
        for (int i = 0; i < values.size(); i++) {
            var value = values.get(i);
            rows.add(Row.of(
                    figure + PERCENTILES.get(i), value.applyAsDouble(ours), baseline, value.applyAsDouble(theirs)));
        }
    }

    /** The rows as a Markdown table, as the README quotes it. */
    static String markdown(List<Row> rows) {
        var table = new StringBuilder(String.format(
                Locale.ROOT,
                "| %-50s | %10s | %-34s | %10s | %7s |%n",
                "figure",
                "value",
                "baseline",
                "baseline",
                "ratio"));
        table.append("| --- | ---: | --- | ---: | ---: |").append(System.lineSeparator());
        for (Row row : rows) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %-50s | %10s | %-34s | %10s | %6.3f× |%n",
                    row.figure(),
                    number(row.value()),
                    row.baseline(),
                    number(row.baselineValue()),
                    row.ratio()));
        }
        return table.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
