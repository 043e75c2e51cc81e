package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    @Test
    void eachRatioIsTheFigureOverItsBaseline() {
        assertThat(ResultsTable.Row.of("x", 3, "y", 4).ratio()).isEqualTo(0.75);
        assertThat(ResultsTable.Row.of("x", 1, "y", 3).ratio()).isEqualTo(0.333);
        assertThat(ResultsTable.Row.of("x", 5, "y", 0).ratio())
                .as("no baseline")
                .isZero();
    }

    @Test
    void capacityRowsCompareTheTunedPlatformWithEachOtherOneAndGiveItsLatenciesAtHalfCapacity() {
        var others = new LinkedHashMap<String, Capacity.Figures>();
        others.put("Axon defaults", capacity(9, 195));
        others.put("jar of the earlier commit", capacity(11, 153));

        List<ResultsTable.Row> rows =
                ResultsTable.capacity(capacity(11, 145), step(5, 125, 167, 60), others, capacity(0, 0));

        assertThat(rows)
                .extracting(ResultsTable.Row::baseline, ResultsTable.Row::value, ResultsTable.Row::baselineValue)
                .containsExactly(
                        tuple("Axon defaults", 11.0, 9.0),
                        tuple("Axon defaults", 145.0, 195.0),
                        tuple("jar of the earlier commit", 11.0, 11.0),
                        tuple("jar of the earlier commit", 145.0, 153.0),
                        tuple("standalone", 0.0, 11.0),
                        tuple("standalone", 0.0, 145.0),
                        tuple("the same at capacity", 125.0, 125.0),
                        tuple("the same at capacity", 167.0, 167.0));
    }

    private static Capacity.Figures capacity(double rate, double cpuMillis) {
        return rate == 0
                ? new Capacity.Figures(0, null, List.of())
                : new Capacity.Figures(rate, step(rate, 125, 167, cpuMillis), List.of());
    }

    private static Capacity.Step step(double rate, double paidP99, double deliveredP99, double cpuMillis) {
        return new Capacity.Step(
                rate,
                60,
                (long) (rate * 60),
                0,
                (int) (rate * 60),
                (int) (rate * 60),
                new Percentiles(50, 90, paidP99, paidP99),
                new Percentiles(70, 120, deliveredP99, deliveredP99),
                new Percentiles(20, 40, 60, 80),
                1.6,
                cpuMillis,
                0.02,
                1000,
                null);
    }

    @Test
    void comparesTheTunedPlatformWithAxonsDefaultsTheMachineAndTheLongLivedProduct() {
        List<ResultsTable.Row> rows = ResultsTable.against(figures(8.5, 100, 1796.0), figures(8.2, 200, null));

        assertThat(rows).hasSize(23);
        assertThat(rows)
                .allSatisfy(
                        row -> assertThat(row.ratio()).isCloseTo(row.value() / row.baselineValue(), within(0.0005)));
        assertThat(rows.get(0))
                .isEqualTo(new ResultsTable.Row(
                        "orders DELIVERED per second, sustained", 8.5, "orders accepted per second", 8.0, 1.063));
        assertThat(rows)
                .filteredOn(row -> row.figure().equals("POST to PAID ms p95"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.baseline()).isEqualTo("Axon defaults");
                    assertThat(row.ratio()).isEqualTo(0.5);
                });
        assertThat(rows)
                .filteredOn(row -> row.baseline().equals("MongoDB journaled single inserts/s"))
                .singleElement()
                .satisfies(row -> assertThat(row.value()).isEqualTo(1796.0));
        assertThat(rows)
                .extracting(ResultsTable.Row::figure)
                .contains(
                        "commands/s, product of 20,000 events: snapshots",
                        "commands/s, product of 20,000 events: + cache");
    }

    @Test
    void setsATuningAgainstTheSettingsItReplaced() {
        List<ResultsTable.Row> rows = ResultsTable.beforeAndAfter(figures(8.5, 100, 1796.0), figures(8.7, 125, 1218.0));

        assertThat(rows).extracting(ResultsTable.Row::baseline).containsOnly("before the tuning");
        assertThat(rows)
                .filteredOn(row -> row.figure().startsWith("order-projection replay"))
                .singleElement()
                .satisfies(row -> assertThat(row.ratio()).isEqualTo(1.475));
        assertThat(rows)
                .filteredOn(row -> row.figure().equals("POST to DELIVERED ms max"))
                .singleElement()
                .satisfies(row -> assertThat(row.ratio()).isEqualTo(0.8));
    }

    @Test
    void printsARowOfMarkdownPerFigure() {
        String table = ResultsTable.markdown(List.of(
                ResultsTable.Row.of("orders DELIVERED per second", 8.5, "Axon defaults", 8.2),
                ResultsTable.Row.of("resident memory MiB (max)", 997, "Axon defaults", 1084)));

        assertThat(table.lines()).hasSize(4);
        assertThat(table.lines().toList().get(1)).isEqualTo("| --- | ---: | --- | ---: | ---: |");
        assertThat(table)
                .containsPattern(
                        "\\| orders DELIVERED per second +\\| +8\\.5 \\| Axon defaults +\\| +8\\.2 \\|  1\\.037× \\|")
                .contains("|        997 |")
                .contains("|       1084 |  0.920× |");
    }

    /** A platform's figures with its latency percentiles around the base (p95 at it) and the README's other figures. */
    static PlatformFigures figures(double deliveredPerSecond, double latencyBase, Double replay) {
        var latency = new Percentiles(latencyBase * 0.5, latencyBase, latencyBase * 1.5, latencyBase * 2);
        var load = new LoadGenerator.Figures(560, 6, 70, 8, Map.of("place 201", 554), latency, 0, 0);
        var orders =
                new OrderOutcomes(554, 554, 554, 0, 60, 8.0, deliveredPerSecond, deliveredPerSecond, latency, latency);
        return new PlatformFigures(
                load,
                orders,
                92.8,
                new ProcessSampler.Usage(997, 1.5, 105.0, 4.2),
                replay,
                new MachineBaselines.Baselines(4085, 74218, 13382, 4524, 1446),
                new LongLivedProduct.Figures(20_000, 6.2, 89.1, 190.4));
    }
}
