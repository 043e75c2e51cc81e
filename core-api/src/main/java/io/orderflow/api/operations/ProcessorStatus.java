package io.orderflow.api.operations;

import io.orderflow.api.common.Nullable;
import java.util.List;

/**
 * How an event processor is doing.
 *
 * @param name        its name: {@code read-models} for the processor that runs every projection, else its one
 *                    processing group
 * @param kind        {@code projection}, {@code saga} or {@code integration}
 * @param projections the projections it runs, each of which can be replayed on its own (empty unless a projection)
 * @param running     whether it is running
 * @param error       whether any of its segments is in error
 * @param segments    the segments it is split into
 * @param position    the event-store position every segment has passed
 * @param head        the event store's newest position
 * @param lag         events between its position and the head
 * @param replaying   whether a replay is under way
 * @param replay      the replay's progress, while one runs
 */
public record ProcessorStatus(
        String name,
        String kind,
        List<String> projections,
        boolean running,
        boolean error,
        int segments,
        long position,
        long head,
        long lag,
        boolean replaying,
        @Nullable ReplayProgress replay) {

    /**
     * @param projections      the projections whose read models are being rebuilt
     * @param done             events replayed so far
     * @param total            events to replay (the head when the replay started)
     * @param eventsPerSecond  replay rate since it started
     * @param secondsLeft      estimated time to finish at that rate
     */
    public record ReplayProgress(
            List<String> projections, long done, long total, double eventsPerSecond, long secondsLeft) {}
}
