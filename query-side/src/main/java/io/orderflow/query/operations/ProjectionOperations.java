package io.orderflow.query.operations;

import io.orderflow.api.common.CommandRefusedException;
import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.operations.FindProcessorStatusQuery;
import io.orderflow.api.operations.ProcessorStatus;
import io.orderflow.api.operations.ProcessorStatusList;
import io.orderflow.api.operations.ReplayProjectionCommand;
import io.orderflow.query.Projection;
import io.orderflow.query.QuerySide;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Replays a projection, or all of them, from the event store while everything else keeps running, and reports every
 * event processor's position, lag, errors and replay progress. The projections share one processor: a replay resets
 * it, with the projection's name as the reset's context when only one is rebuilt ({@link Projection}). The rebuilt
 * projections' reset handlers clear their read models; Axon's streaming processor then reads the store from the
 * start, marking the events as replayed until it reaches the position where the reset happened, and every read model
 * of the processor waits for it there. Sagas cannot be replayed: their processors do not support a reset.
 */
@Component
class ProjectionOperations {

    private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Configuration axon;
    private final EventStore eventStore;
    private final Map<String, ReplayStart> replays = new ConcurrentHashMap<>();
    /** Reports each replay's progress in the log every few seconds until it is done. */
    private final ScheduledExecutorService progressLog = Executors.newSingleThreadScheduledExecutor(task -> {
        var thread = new Thread(task, "replay-progress");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionOperations(Configuration axon, EventStore eventStore) {
        this.axon = axon;
        this.eventStore = eventStore;
    }

    private record ReplayStart(Instant at, long total, List<String> projections) {}

    @CommandHandler
    void handle(ReplayProjectionCommand command) {
        String name = command.projection();
        boolean one = QuerySide.PROJECTIONS.contains(name);
        String processorName = one ? QuerySide.READ_MODELS : name;
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new InvalidCommandException("There is no event processor or projection " + name));
        if (!processorName.equals(QuerySide.READ_MODELS) || !processor.supportsReset()) {
            throw new CommandRefusedException(name + " is not a projection and cannot be replayed; sagas and"
                    + " integrations are never replayed");
        }
        if (replaying(processorName, processor)) {
            throw new CommandRefusedException((one ? name + " runs in " + processorName + ", which" : processorName)
                    + " is already being replayed");
        }
        List<String> rebuilt = one ? List.of(name) : QuerySide.PROJECTIONS;
        long total = head();
        processor.shutDown();
        if (one) {
            processor.resetTokens(name);
        } else {
            processor.resetTokens();
        }
        replays.put(processorName, new ReplayStart(Instant.now(), total, rebuilt));
        processor.start();
        log.info("Replaying {} over {} events: rebuilding {}", processorName, total, rebuilt);
        reportProgress(processorName, processor);
    }

    private void reportProgress(String name, StreamingEventProcessor processor) {
        var report = new AtomicReference<ScheduledFuture<?>>();
        report.set(progressLog.scheduleAtFixedRate(
                () -> {
                    ReplayStart replay = replays.get(name);
                    if (!replaying(name, processor)) {
                        log.info(
                                "Replay of {} completed in {} s: rebuilt {}",
                                name,
                                Duration.between(replay.at(), Instant.now()).toSeconds(),
                                replay.projections());
                        report.get().cancel(false);
                        return;
                    }
                    ProcessorStatus.ReplayProgress progress =
                            status(name, processor, head()).replay();
                    if (progress != null) {
                        log.info(
                                "Replay of {} ({}): {} of {} events, {} events/s, about {} s left",
                                name,
                                progress.projections(),
                                progress.done(),
                                progress.total(),
                                progress.eventsPerSecond(),
                                progress.secondsLeft());
                    }
                },
                PROGRESS_EVERY.toSeconds(),
                PROGRESS_EVERY.toSeconds(),
                TimeUnit.SECONDS));
    }

    @PreDestroy
    void stop() {
        progressLog.shutdownNow();
    }

    @QueryHandler
    ProcessorStatusList handle(FindProcessorStatusQuery query) {
        long head = head();
        var statuses = new ArrayList<ProcessorStatus>();
        axon.eventProcessingConfiguration().eventProcessors().forEach((name, eventProcessor) -> {
            if (eventProcessor instanceof StreamingEventProcessor processor) {
                statuses.add(status(name, processor, head));
            }
        });
        statuses.sort(Comparator.comparing(ProcessorStatus::name));
        return new ProcessorStatusList(statuses);
    }

    private ProcessorStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        boolean error = processor.isError() || segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        long position = position(processor);
        boolean saga = axon.eventProcessingConfiguration().sagaConfigurations().stream()
                .anyMatch(configuration -> configuration.processingGroup().equals(name));
        List<String> projections = QuerySide.PROJECTIONS.stream()
                .filter(projection -> axon.eventProcessingConfiguration()
                        .eventProcessorByProcessingGroup(projection)
                        .filter(running -> running.getName().equals(name))
                        .isPresent())
                .toList();
        String kind = !projections.isEmpty() ? "projection" : saga ? "saga" : "integration";
        ReplayStart replay = replays.get(name);
        boolean replaying = replaying(name, processor);
        ProcessorStatus.ReplayProgress progress = null;
        if (replaying && replay != null) {
            double seconds =
                    Math.max(Duration.between(replay.at(), Instant.now()).toMillis() / 1000.0, 0.001);
            long done = Math.min(position, replay.total());
            double rate = done / seconds;
            long left = rate > 0 ? Math.round((replay.total() - done) / rate) : -1;
            progress = new ProcessorStatus.ReplayProgress(
                    replay.projections(), done, replay.total(), Math.round(rate * 10) / 10.0, left);
        }
        return new ProcessorStatus(
                name,
                kind,
                projections,
                processor.isRunning(),
                error,
                segments.size(),
                position,
                head,
                Math.max(head - position, 0),
                replaying,
                progress);
    }

    /**
     * A replay started here counts from the command on: the processor says it is replaying only once its thread has
     * claimed the rewound segment, and a second reset before that would undo the first's context.
     */
    private boolean replaying(String name, StreamingEventProcessor processor) {
        ReplayStart replay = replays.get(name);
        return processor.isReplaying() || (replay != null && position(processor) < replay.total());
    }

    /** The event-store position every segment has passed (0 before any is claimed). */
    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(0))
                .min()
                .orElse(0);
    }

    private long head() {
        return eventStore.createHeadToken().position().orElse(0);
    }
}
