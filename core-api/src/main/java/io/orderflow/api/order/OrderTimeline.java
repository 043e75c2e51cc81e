package io.orderflow.api.order;

import java.util.List;

/** An order's timeline, oldest entry first. A record, not a bare list, so that the answer keeps its element type across Axon Server. */
public record OrderTimeline(List<TimelineEntry> entries) {

    public OrderTimeline {
        entries = List.copyOf(entries);
    }
}
