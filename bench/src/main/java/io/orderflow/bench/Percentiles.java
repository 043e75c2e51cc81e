package io.orderflow.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Latency percentiles in milliseconds, one decimal. */
public record Percentiles(double p50, double p95, double p99, double max) {

    /** Of durations in nanoseconds; all zero when there are none. */
    public static Percentiles ofNanos(Collection<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Percentiles(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), at(sorted, 1.0));
    }

    /** The nearest-rank percentile: the smallest value that at least the share of all values does not exceed. */
    private static double at(List<Long> sorted, double share) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(share * sorted.size()) - 1;
        return oneDecimal(sorted.get(Math.max(0, index)) / 1e6);
    }

    static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
