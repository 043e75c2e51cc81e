package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.command.shipping.simulated.SimulatedCarrierReports;
import io.orderflow.query.QuerySide;
import io.orderflow.saga.fulfilment.OrderFulfillmentSaga;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchmarkTest {

    @Test
    void putsEveryTunedProcessorAndEveryAggregateBackToAxonsDefaults() {
        List<String> settings = Benchmark.axonDefaults();

        Stream.of(
                        QuerySide.READ_MODELS,
                        OrderFulfillmentSaga.PROCESSING_GROUP,
                        SimulatedCarrierReports.PROCESSING_GROUP)
                .forEach(processor -> assertThat(settings)
                        .contains(
                                "--axon.eventhandling.processors." + processor + ".mode=tracking",
                                "--axon.eventhandling.processors." + processor + ".batch-size=1",
                                "--axon.eventhandling.processors." + processor + ".thread-count=1",
                                "--axon.eventhandling.processors." + processor + ".initial-segment-count=1"));
        assertThat(settings)
                .contains("--orderflow.aggregates.cache=false", "--orderflow.aggregates.snapshot-threshold=0");
    }

    @Test
    void writesTheReportAsJsonWithTheFiguresByName() {
        var tuned = ResultsTableTest.figures(8.5, 100, 1796.0);
        var defaults = ResultsTableTest.figures(8.2, 200, null);
        var report = new Benchmark.Report(
                "2026-12-01T00:00:00Z",
                "2 cores",
                Map.of("rate", "8"),
                List.of(),
                List.of(),
                tuned,
                defaults,
                null,
                ResultsTable.against(tuned, defaults));

        JsonNode json = JsonMapper.builder().build().valueToTree(report);

        assertThat(json.get("tuned")
                        .get("orders")
                        .get("deliveredPerSecondSustained")
                        .asDouble())
                .isEqualTo(8.5);
        assertThat(json.get("tuned")
                        .get("orders")
                        .get("toPaidMillis")
                        .get("p95")
                        .asDouble())
                .isEqualTo(100);
        assertThat(json.get("tuned")
                        .get("baselines")
                        .get("kafkaProducedPerSecondAcked")
                        .asDouble())
                .isEqualTo(13382);
        assertThat(json.get("tuned")
                        .get("longLivedProduct")
                        .get("historyEvents")
                        .asInt())
                .isEqualTo(20_000);
        assertThat(json.get("axonDefaults").get("replayEventsPerSecond").isNull())
                .isTrue();
        assertThat(json.get("table").get(0).get("ratio").asDouble()).isEqualTo(1.063);
    }

    @Test
    void readsOptionsAsNameValuePairs() {
        assertThat(Options.parse("--rate", "8", "--duration", "70s")).isEqualTo(Map.of("rate", "8", "duration", "70s"));
        assertThatThrownBy(() -> Options.parse("--rate")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("rate", "8")).isInstanceOf(IllegalArgumentException.class);
    }
}
