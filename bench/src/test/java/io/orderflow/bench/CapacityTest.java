package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityTest {

    private static final Percentiles FAST = new Percentiles(80, 200, 400, 600);

    @Test
    void aStepWhoseOrdersAreAllDeliveredFastKeptUp() {
        assertThat(Capacity.fellBehind(sent(1000, 0), outcomes(1000, 1000, FAST)))
                .isNull();
    }

    @Test
    void aBacklogAfterTheLoadIsFallingBehind() {
        assertThat(Capacity.fellBehind(sent(1000, 0), outcomes(1000, 980, FAST)))
                .isEqualTo("20 of 1000 accepted orders not delivered 10 s after the load");
        assertThat(Capacity.fellBehind(sent(1000, 0), outcomes(1000, 990, FAST)))
                .as("one in a hundred is within the bound")
                .isNull();
    }

    @Test
    void aSlowTailIsFallingBehind() {
        assertThat(Capacity.fellBehind(sent(1000, 0), outcomes(1000, 1000, new Percentiles(90, 700, 1000.1, 1500))))
                .isEqualTo("p99 from POST to DELIVERED 1000.1 ms");
    }

    @Test
    void ordersThatFindEveryConnectionBusyAreFallingBehind() {
        assertThat(Capacity.fellBehind(sent(970, 30), outcomes(970, 970, FAST)))
                .isEqualTo("30 of 1000 orders found every connection busy");
    }

    @Test
    void ordersRefusedAreFallingBehind() {
        assertThat(Capacity.fellBehind(sent(1000, 0), outcomes(900, 900, FAST)))
                .startsWith("only 900 of 1000 orders accepted");
    }

    @Test
    void cpuPerDeliveredOrderCountsEveryProcess() {
        var load = new LoadRun(sent(1000, 0), outcomes(1000, 1000, FAST), 0, 30_000_000_000L);

        Capacity.Step step = Capacity.judge(
                33.3,
                load,
                java.util.List.of(
                        new ProcessSampler.Usage(900, 1.5, 45.0, 13.5), new ProcessSampler.Usage(60, 0.3, 9.0, 0)));

        assertThat(step.cpuMillisPerDeliveredOrder()).isEqualTo(54.0);
        assertThat(step.cpuCores()).isEqualTo(1.8);
        assertThat(step.jitShare()).as("the JVM's compilers' 13.5 s of 54").isEqualTo(0.25);
        assertThat(step.residentMiBMax()).as("the platform JVM's").isEqualTo(900);
        assertThat(step.keptUp()).isTrue();
    }

    private static LoadGenerator.Figures sent(long sent, int notSent) {
        return new LoadGenerator.Figures(sent, notSent, 30, sent / 30.0, Map.of("place 201", (int) sent), FAST, 0, 0);
    }

    private static OrderOutcomes outcomes(int accepted, int delivered, Percentiles toDelivered) {
        return new OrderOutcomes(accepted, delivered, delivered, 0, 20, 33, 33, 33, FAST, toDelivered);
    }
}
