package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final long MS = 1_000_000;

    @Test
    void takesTheNearestRankOfOneHundredDurationsInMilliseconds() {
        // 100 ms, 99 ms, ..., 1 ms, in no order
        List<Long> nanos =
                LongStream.rangeClosed(1, 100).map(i -> (101 - i) * MS).boxed().toList();

        assertThat(Percentiles.ofNanos(nanos)).isEqualTo(new Percentiles(50, 95, 99, 100));
    }

    @Test
    void aPercentileIsAValueMeasuredNeverOneInterpolatedOrBelowTheShare() {
        List<Long> nanos =
                LongStream.rangeClosed(1, 10).map(i -> i * MS).boxed().toList();

        // 95 % of 10 durations is 9.5 of them: the 10th is the first that at least 95 % do not exceed
        assertThat(Percentiles.ofNanos(nanos)).isEqualTo(new Percentiles(5, 10, 10, 10));
    }

    @Test
    void roundsToOneDecimalOfAMillisecond() {
        assertThat(Percentiles.ofNanos(List.of(1_249_999L)).p50()).isEqualTo(1.2);
        assertThat(Percentiles.ofNanos(List.of(1_250_000L)).max()).isEqualTo(1.3);
    }

    @Test
    void aSingleDurationIsEveryPercentile() {
        assertThat(Percentiles.ofNanos(List.of(7 * MS))).isEqualTo(new Percentiles(7, 7, 7, 7));
    }

    @Test
    void noDurationsAreAllZero() {
        assertThat(Percentiles.ofNanos(List.of())).isEqualTo(new Percentiles(0, 0, 0, 0));
    }
}
