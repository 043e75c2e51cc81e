package io.orderflow.kafka.export;

import io.orderflow.api.integration.HistoryExportView;
import io.orderflow.api.integration.StartHistoryExportCommand;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The history exports in PostgreSQL ({@code history_export}): asked for, under way, finished. */
@Component
class HistoryExports {

    private static final String COLUMNS = "export_id, range_from, range_to, requested_by, status, first_position,"
            + " resume_after, events_total, events_scanned, events_published, restarts, started_at, finished_at, error";

    private final JdbcClient jdbc;

    HistoryExports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One export as stored. */
    record Export(
            StartHistoryExportCommand range,
            String status,
            Long firstPosition,
            Long resumeAfter,
            long total,
            long scanned,
            long published,
            int restarts,
            Instant startedAt,
            Instant finishedAt,
            String error) {

        HistoryExportView view(Instant now) {
            double progress = total == 0 ? (finishedAt == null ? 0 : 1) : Math.min(1, (double) scanned / total);
            double seconds = startedAt == null
                    ? 0
                    : Math.max(
                            0.001,
                            Duration.between(startedAt, finishedAt != null ? finishedAt : now)
                                            .toMillis()
                                    / 1000.0);
            return new HistoryExportView(
                    range.exportId(),
                    range.from(),
                    range.to(),
                    range.requestedBy(),
                    status,
                    scanned,
                    total,
                    published,
                    progress,
                    seconds == 0 ? 0 : Math.round(scanned / seconds * 10) / 10.0,
                    restarts,
                    startedAt,
                    finishedAt,
                    error);
        }
    }

    /** Records the request; false when an export with this id was asked for before (a repeat). */
    boolean queue(StartHistoryExportCommand command, Instant now) {
        return jdbc.sql("insert into history_export (export_id, range_from, range_to, requested_by, status,"
                                + " requested_at) values (?, ?, ?, ?, 'QUEUED', ?) on conflict (export_id) do nothing")
                        .params(
                                command.exportId(),
                                Timestamp.from(command.from()),
                                Timestamp.from(command.to()),
                                command.requestedBy(),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Export> find(String exportId) {
        return jdbc.sql("select " + COLUMNS + " from history_export where export_id = ?")
                .param(exportId)
                .query(HistoryExports::export)
                .optional();
    }

    /** Every export, the latest asked for first. */
    List<Export> all() {
        return jdbc.sql("select " + COLUMNS + " from history_export order by requested_at desc")
                .query(HistoryExports::export)
                .list();
    }

    /** Exports not finished, in the order they were asked for: those a restart interrupted, then those queued. */
    List<Export> unfinished() {
        return jdbc.sql("select " + COLUMNS + " from history_export where status in ('RUNNING', 'QUEUED')"
                        + " order by case status when 'RUNNING' then 0 else 1 end, requested_at")
                .query(HistoryExports::export)
                .list();
    }

    void started(String exportId, long firstPosition, long total, Instant now) {
        jdbc.sql("update history_export set status = 'RUNNING', first_position = ?, events_total = ?, started_at = ?"
                        + " where export_id = ?")
                .params(firstPosition, total, Timestamp.from(now), exportId)
                .update();
    }

    /** Goes on after a restart: counted, and started again from where its last acknowledged batch ended. */
    void resumed(String exportId) {
        jdbc.sql("update history_export set restarts = restarts + 1 where export_id = ?")
                .param(exportId)
                .update();
    }

    /** A batch acknowledged by Kafka: how far it got, and where to go on after a restart. */
    void progressed(String exportId, long resumeAfter, long scanned, long published) {
        jdbc.sql("update history_export set resume_after = ?, events_scanned = ?, events_published = ?"
                        + " where export_id = ?")
                .params(resumeAfter, scanned, published, exportId)
                .update();
    }

    void finished(String exportId, long scanned, long published, String error, Instant now) {
        jdbc.sql("update history_export set status = ?, events_scanned = ?, events_published = ?, finished_at = ?,"
                        + " error = ? where export_id = ?")
                .params(
                        error == null ? "COMPLETED" : "FAILED",
                        scanned,
                        published,
                        Timestamp.from(now),
                        error == null ? null : error.substring(0, Math.min(error.length(), 1000)),
                        exportId)
                .update();
    }

    private static Export export(ResultSet row, int n) throws SQLException {
        return new Export(
                new StartHistoryExportCommand(
                        row.getString("export_id"),
                        row.getTimestamp("range_from").toInstant(),
                        row.getTimestamp("range_to").toInstant(),
                        row.getString("requested_by")),
                row.getString("status"),
                row.getObject("first_position", Long.class),
                row.getObject("resume_after", Long.class),
                row.getLong("events_total"),
                row.getLong("events_scanned"),
                row.getLong("events_published"),
                row.getInt("restarts"),
                instant(row, "started_at"),
                instant(row, "finished_at"),
                row.getString("error"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
