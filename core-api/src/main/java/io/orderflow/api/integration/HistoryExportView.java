package io.orderflow.api.integration;

import io.orderflow.api.common.Nullable;
import java.time.Instant;

/**
 * A history export and its progress.
 *
 * @param status          {@code QUEUED} (behind another export), {@code RUNNING}, {@code COMPLETED} or {@code FAILED}
 * @param eventsScanned   events of the store read so far
 * @param eventsTotal     events of the store to read (from the first event of the range to the head when it started)
 * @param eventsPublished integration events published to the replay topic and acknowledged by Kafka
 * @param progress        eventsScanned / eventsTotal, 0 to 1
 * @param eventsPerSecond events scanned per second so far
 * @param restarts        how often it went on after the platform restarted while it ran (records of the last
 *                        unacknowledged batch may then be published twice, with the same ids)
 * @param error           why it failed, when it did
 */
public record HistoryExportView(
        String exportId,
        Instant from,
        Instant to,
        String requestedBy,
        String status,
        long eventsScanned,
        long eventsTotal,
        long eventsPublished,
        double progress,
        double eventsPerSecond,
        int restarts,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error) {}
