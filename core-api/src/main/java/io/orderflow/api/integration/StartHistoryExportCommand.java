package io.orderflow.api.integration;

import java.time.Instant;

/**
 * An operator wants the integration events of a time range published again, to {@code orderflow.orders.replay.v1},
 * each flagged as a replay: for a consumer that lost its data or joins late. Answers the export id at once; the
 * export runs on.
 *
 * @param from first instant of the range, inclusive
 * @param to   end of the range, exclusive
 */
public record StartHistoryExportCommand(String exportId, Instant from, Instant to, String requestedBy) {}
