package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoakTest {

    @Test
    void driftIsTheLastWindowAgainstTheFirstInPercent() {
        assertThat(Soak.drift(4.0, 3.8)).isEqualTo(-5.0);
        assertThat(Soak.drift(400, 500)).isEqualTo(25.0);
        assertThat(Soak.drift(0, 3)).as("nothing to compare against").isZero();
    }

    @Test
    void tableHasARowPerWindowAndTheDrift() {
        var report = new Soak.Report(
                "2026-12-02T00:00:00Z",
                4,
                "PT5M",
                List.of(
                        new Soak.Window(1, 0, 1200, 3.98, 410, 0, 1, 612, 0.71),
                        new Soak.Window(2, 5.0, 1199, 4.01, 395, 2, 0, 640, 0.69)),
                0.8,
                -3.7,
                4.6,
                2);

        String table = Soak.markdown(report);

        assertThat(table.lines())
                .contains(
                        "| 1 | 0.0 | 1200 | 1 | 3.98 | 410 | 0 | 612 | 0.71 |",
                        "| 2 | 5.0 | 1199 | 0 | 4.01 | 395 | 2 | 640 | 0.69 |");
        assertThat(table).contains("throughput +0.8%, p99 -3.7%, resident memory +4.6%; error answers: 2.");
    }
}
