package io.orderflow.kafka.export;

import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.integration.FindHistoryExportQuery;
import io.orderflow.api.integration.FindHistoryExportsQuery;
import io.orderflow.api.integration.HistoryExportList;
import io.orderflow.api.integration.HistoryExportView;
import io.orderflow.api.integration.StartHistoryExportCommand;
import io.orderflow.kafka.Topics;
import io.orderflow.kafka.outbound.CloudEventConverter;
import io.orderflow.kafka.outbound.IntegrationEvents;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes the integration events of a time range again, to {@code orderflow.orders.replay.v1}, each with the same
 * id as when it was first published and flagged {@code replay}. It reads the event store directly, from the first
 * event at {@code from}, and reports its progress in the log and through {@link FindHistoryExportQuery}. Exports run
 * one at a time, in the order they were asked for, and are kept in PostgreSQL ({@link HistoryExports}): after each
 * batch Kafka acknowledged, the export records where it got to, so one interrupted by a restart (or a crash) goes on
 * from there when the platform is back, and a finished one is still listed. Records of the batch under way when it
 * stopped may be published twice, with the same ids, which consumers recognise.
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
    private final HistoryExports exports;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        var thread = new Thread(task, "history-export");
        thread.setDaemon(true);
        return thread;
    });

    HistoryExport(
            EventStore eventStore,
            CloudEventConverter converter,
            KafkaTemplate<String, byte[]> kafka,
            HistoryExports exports) {
        this.eventStore = eventStore;
        this.converter = converter;
        this.kafka = kafka;
        this.exports = exports;
    }

    @CommandHandler
    String handle(StartHistoryExportCommand command) {
        if (command.from() == null || command.to() == null || !command.from().isBefore(command.to())) {
            throw new InvalidCommandException("An export needs a range whose from is before its to");
        }
        if (exports.queue(command, Instant.now())) {
            // once the request is committed, so that the export's thread finds it
            Runnable start = () -> runner.submit(() -> run(command.exportId()));
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> start.run());
            } else {
                start.run();
            }
        }
        return command.exportId();
    }

    @QueryHandler
    HistoryExportView handle(FindHistoryExportQuery query) {
        // null when there is none: an Optional would not keep its type across Axon Server
        return exports.find(query.exportId())
                .map(export -> export.view(Instant.now()))
                .orElse(null);
    }

    @QueryHandler
    HistoryExportList handle(FindHistoryExportsQuery query) {
        Instant now = Instant.now();
        return new HistoryExportList(
                exports.all().stream().map(export -> export.view(now)).toList());
    }

    /** Exports a restart interrupted go on, then those that were waiting, once the platform is up. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (HistoryExports.Export export : exports.unfinished()) {
            if ("RUNNING".equals(export.status())) {
                exports.resumed(export.range().exportId());
                log.info(
                        "History export {} goes on after a restart, from {} events read, {} published",
                        export.range().exportId(),
                        export.scanned(),
                        export.published());
            }
            runner.submit(() -> run(export.range().exportId()));
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private void run(String exportId) {
        HistoryExports.Export export = exports.find(exportId).orElseThrow();
        var range = export.range();
        long first;
        long total;
        TrackingToken start;
        if (export.firstPosition() == null) {
            start = eventStore.createTokenAt(range.from());
            first = position(start);
            total = Math.max(0, position(eventStore.createHeadToken()) - first);
            exports.started(exportId, first, total, Instant.now());
            log.info("History export {} of {} to {} started", exportId, range.from(), range.to());
        } else {
            first = export.firstPosition();
            total = export.total();
            start = export.resumeAfter() == null
                    ? eventStore.createTokenAt(range.from())
                    : tokenAt(export.resumeAfter());
        }
        long scanned = export.scanned();
        long published = export.published();
        Instant stopAfter = range.to().plus(CLOCK_SKEW);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            var sending = new ArrayList<CompletableFuture<SendResult<String, byte[]>>>();
            long lastRead = -1;
            while (scanned < total) {
                if (!stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(
                            "the event store sent nothing for 30 s at " + scanned + " of " + total + " events");
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                lastRead = position(event.trackingToken());
                scanned = lastRead - first;
                if (event.getTimestamp().isAfter(stopAfter)) {
                    break;
                }
                boolean inRange = !event.getTimestamp().isBefore(range.from())
                        && event.getTimestamp().isBefore(range.to());
                if (inRange && IntegrationEvents.topicOf(event).isPresent()) {
                    sending.add(kafka.send(converter.record(event, Topics.ORDERS_REPLAY, true)));
                }
                if (sending.size() >= BATCH) {
                    published += acknowledged(sending);
                    exports.progressed(exportId, lastRead, scanned, published);
                    log.info(
                            "History export {}: {} of {} events read, {} published",
                            exportId,
                            scanned,
                            total,
                            published);
                }
            }
            published += acknowledged(sending);
            exports.finished(exportId, total, published, null, Instant.now());
            log.info(
                    "History export {} completed: {} events read, {} published to {}",
                    exportId,
                    total,
                    published,
                    Topics.ORDERS_REPLAY);
        } catch (InterruptedException stopping) {
            // the platform is stopping: the export stays RUNNING and goes on from its last acknowledged batch
            log.info("History export {} paused by the platform stopping, at {} of {} events", exportId, scanned, total);
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            exports.finished(exportId, scanned, published, String.valueOf(e.getMessage()), Instant.now());
            log.error("History export {} failed after {} events read, {} published", exportId, scanned, published, e);
        }
    }

    /** A token just after the given position, of the kind the event store hands out. */
    private TrackingToken tokenAt(long position) {
        return eventStore.createTailToken() instanceof GlobalSequenceTrackingToken
                ? new GlobalSequenceTrackingToken(position)
                : GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet());
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
}
