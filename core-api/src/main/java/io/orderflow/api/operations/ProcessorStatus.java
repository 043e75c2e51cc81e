package io.orderflow.api.operations;

import io.orderflow.api.common.Nullable;

/**
 * How an event processor is doing.
 *
 * @param name        its processing group
 * @param kind        {@code projection}, {@code saga} or {@code integration}
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
        boolean running,
        boolean error,
        int segments,
        long position,
        long head,
        long lag,
        boolean replaying,
        @Nullable ReplayProgress replay) {

    /**
     * @param done             events replayed so far
     * @param total            events to replay (the head when the replay started)
     * @param eventsPerSecond  replay rate since it started
     * @param secondsLeft      estimated time to finish at that rate
     */
    public record ReplayProgress(long done, long total, double eventsPerSecond, long secondsLeft) {}
}
