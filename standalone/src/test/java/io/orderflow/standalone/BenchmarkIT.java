package io.orderflow.standalone;

import io.orderflow.standalone.tools.Benchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark command, shortened: it launches the packaged platform twice (tuned, then at Axon's defaults), drives
 * each with the load generator, replays a projection, measures the machine's baselines, and writes its table as JSON
 * and an SVG chart. Figures are checked for being measured and coherent, never against a speed.
 */
class BenchmarkIT {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void measuresBothPlatformsAndWritesTheTableAsJsonAndChart(@TempDir Path results) throws Exception {
        Benchmark.main(new String[]{"--jar", System.getProperty("orderflow.jar"), "--out", results.toString(),
                "--rate", "5", "--duration", "10s", "--concurrency", "16", "--baseline-seconds", "1", "--product-history", "1000"});

        JsonNode report = json.readTree(results.resolve("latest.json").toFile());
        for (String platform : List.of("tuned", "axonDefaults")) {
            JsonNode run = report.get(platform);
            // open loop: an order finding every connection busy is counted as not sent, never queued
            int sent = run.get("load").get("ordersSent").asInt();
            assertThat(sent + run.get("load").get("ordersNotSentAllConnectionsBusy").asInt()).as(platform).isEqualTo(50);
            assertThat(sent).as(platform).isGreaterThan(25);
            assertThat(run.get("ordersAccepted").asInt()).as(platform).isEqualTo(sent);
            assertThat(run.get("ordersDelivered").asInt()).as(platform).isEqualTo(sent);
            assertThat(run.get("deliveredPerSecondSustained").asDouble()).as(platform).isPositive();
            for (String latency : List.of("toPaidMillis", "toDeliveredMillis")) {
                JsonNode p = run.get(latency);
                assertThat(List.of(p.get("p50").asDouble(), p.get("p95").asDouble(), p.get("p99").asDouble(),
                        p.get("max").asDouble())).as(platform + " " + latency).isSorted().allMatch(ms -> ms > 0);
            }
            assertThat(run.get("toDeliveredMillis").get("p50").asDouble()).as(platform)
                    .isGreaterThanOrEqualTo(run.get("toPaidMillis").get("p50").asDouble());
            assertThat(run.get("residentMiBMax").asInt()).as(platform).isGreaterThan(100);
            assertThat(run.get("cpuCoresAverage").asDouble()).as(platform).isPositive();
        }
        assertThat(report.get("tuned").get("replayEventsPerSecond").asDouble()).isPositive();
        JsonNode baselines = report.get("tuned").get("baselines");
        for (String baseline : List.of("postgresSingleRowCommitsPerSecond", "postgresBatchedInsertRowsPerSecond",
                "kafkaProducedPerSecondAcked", "mongoInsertsPerSecond", "mongoJournaledInsertsPerSecond")) {
            assertThat(baselines.get(baseline).asDouble()).as(baseline).isPositive();
        }

        JsonNode product = report.get("tuned").get("longLivedProduct");
        assertThat(product.get("historyEvents").asInt()).isEqualTo(1000);
        for (String setting : List.of("axonDefaultsCommandsPerSecond", "snapshotsCommandsPerSecond",
                "snapshotsAndCacheCommandsPerSecond")) {
            assertThat(product.get(setting).asDouble()).as(setting).isPositive();
        }

        JsonNode table = report.get("table");
        assertThat(table.size()).isGreaterThan(15);
        for (JsonNode row : table) {
            double expected = row.get("value").asDouble() / row.get("baselineValue").asDouble();
            assertThat(row.get("ratio").asDouble()).as(row.get("figure").asString())
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
        }
        Document chart = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(results.resolve("latest.svg").toFile());
        assertThat(chart.getElementsByTagName("rect").getLength()).isEqualTo(table.size());
        try (var files = Files.list(results)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .anyMatch(name -> name.matches("benchmark-.*\\.json")).anyMatch(name -> name.matches("benchmark-.*\\.svg"));
        }
    }
}
