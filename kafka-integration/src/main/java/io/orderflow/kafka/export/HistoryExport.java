package io.orderflow.kafka.export;

import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.integration.FindHistoryExportQuery;
import io.orderflow.api.integration.FindHistoryExportsQuery;
import io.orderflow.api.integration.HistoryExportView;
import io.orderflow.api.integration.StartHistoryExportCommand;
import io.orderflow.kafka.Topics;
import io.orderflow.kafka.outbound.CloudEventConverter;
import io.orderflow.kafka.outbound.IntegrationEvents;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes the integration events of a time range again, to {@code orderflow.orders.replay.v1}, each with the same
 * id as when it was first published and flagged {@code replay}. It reads the event store directly, from the first
 * event at {@code from}, and reports its progress in the log and through {@link FindHistoryExportQuery}.
 * Exports run one at a time, in the order they were asked for.
 */
@Component
class HistoryExport {

    private static final Logger log = LoggerFactory.getLogger(HistoryExport.class);
    /** Events are stored in about the order of their time; read this far past the range's end before stopping. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private static final int BATCH = 500;

    private final EventStore eventStore;
    private final CloudEventConverter converter;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        var thread = new Thread(task, "history-export");
        thread.setDaemon(true);
        return thread;
    });

    HistoryExport(EventStore eventStore, CloudEventConverter converter, KafkaTemplate<String, byte[]> kafka) {
        this.eventStore = eventStore;
        this.converter = converter;
        this.kafka = kafka;
    }

    @CommandHandler
    String handle(StartHistoryExportCommand command) {
        if (command.from() == null || command.to() == null || !command.from().isBefore(command.to())) {
            throw new InvalidCommandException("An export needs a range whose from is before its to");
        }
        Job job = jobs.computeIfAbsent(command.exportId(), id -> {
            var created = new Job(command);
            runner.submit(() -> run(created));
            return created;
        });
        return job.command.exportId();
    }

    @QueryHandler
    Optional<HistoryExportView> handle(FindHistoryExportQuery query) {
        return Optional.ofNullable(jobs.get(query.exportId())).map(Job::view);
    }

    @QueryHandler
    List<HistoryExportView> handle(FindHistoryExportsQuery query) {
        return jobs.values().stream()
                .map(Job::view)
                .sorted(Comparator.comparing(
                                HistoryExportView::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private void run(Job job) {
        var range = job.command;
        job.started();
        log.info("History export {} of {} to {} started", range.exportId(), range.from(), range.to());
        TrackingToken start = eventStore.createTokenAt(range.from());
        long first = position(start);
        long head = position(eventStore.createHeadToken());
        job.total = Math.max(0, head - first);
        Instant stopAfter = range.to().plus(CLOCK_SKEW);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            var sending = new ArrayList<CompletableFuture<SendResult<String, byte[]>>>();
            while (job.scanned < job.total) {
                if (!stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(
                            "the event store sent nothing for 30 s at " + job.scanned + " of " + job.total + " events");
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                job.scanned = position(event.trackingToken()) - first;
                if (event.getTimestamp().isAfter(stopAfter)) {
                    break;
                }
                boolean inRange = !event.getTimestamp().isBefore(range.from())
                        && event.getTimestamp().isBefore(range.to());
                if (inRange && IntegrationEvents.topicOf(event).isPresent()) {
                    sending.add(kafka.send(converter.record(event, Topics.ORDERS_REPLAY, true)));
                }
                if (sending.size() >= BATCH) {
                    job.published += acknowledged(sending);
                    log.info(
                            "History export {}: {} of {} events read, {} published",
                            range.exportId(),
                            job.scanned,
                            job.total,
                            job.published);
                }
            }
            job.published += acknowledged(sending);
            job.scanned = job.total;
            job.finished(null);
            log.info(
                    "History export {} completed: {} events read, {} published to {}",
                    range.exportId(),
                    job.total,
                    job.published,
                    Topics.ORDERS_REPLAY);
        } catch (Exception e) {
            job.finished(e instanceof InterruptedException ? "interrupted: the platform stopped" : e.getMessage());
            log.error(
                    "History export {} failed after {} events read, {} published",
                    range.exportId(),
                    job.scanned,
                    job.published,
                    e);
        }
    }

    /** Waits until Kafka has every record of the batch (acks=all), and answers how many there were. */
    private static int acknowledged(List<CompletableFuture<SendResult<String, byte[]>>> sending) throws Exception {
        CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        int count = sending.size();
        sending.clear();
        return count;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** One export's progress; written by the export's thread, read by queries. */
    private static final class Job {

        final StartHistoryExportCommand command;
        volatile long scanned;
        volatile long total;
        volatile long published;
        volatile Instant startedAt;
        volatile Instant finishedAt;
        volatile String error;

        Job(StartHistoryExportCommand command) {
            this.command = command;
        }

        void started() {
            startedAt = Instant.now();
        }

        void finished(String failure) {
            error = failure;
            finishedAt = Instant.now();
        }

        HistoryExportView view() {
            String status = finishedAt == null ? "RUNNING" : error == null ? "COMPLETED" : "FAILED";
            double progress = total == 0 ? (finishedAt == null ? 0 : 1) : Math.min(1, (double) scanned / total);
            Instant end = finishedAt != null ? finishedAt : Instant.now();
            double seconds = startedAt == null
                    ? 0
                    : Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
            return new HistoryExportView(
                    command.exportId(),
                    command.from(),
                    command.to(),
                    command.requestedBy(),
                    status,
                    scanned,
                    total,
                    published,
                    progress,
                    seconds == 0 ? 0 : scanned / seconds,
                    startedAt,
                    finishedAt,
                    error);
        }
    }
}
