package io.orderflow.api.analytics;

import java.util.List;

/** Figures per day, oldest day first. A record, not a bare list, so that the answer keeps its element type across Axon Server. */
public record DailyAnalytics(List<DailyFigures> days) {

    public DailyAnalytics {
        days = List.copyOf(days);
    }
}
