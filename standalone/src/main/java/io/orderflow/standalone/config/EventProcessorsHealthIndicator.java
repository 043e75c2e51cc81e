package io.orderflow.standalone.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Every streaming event processor (projections, the saga, the Kafka publisher, the simulated carrier): down when
 * one is not running, has a segment in error, or lags more than {@code orderflow.operations.max-processor-lag}
 * events behind the head of the event store. A processor that is replaying on an operator's request is expected to
 * lag and does not count against readiness.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final long maxLag;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore,
                                   @Value("${orderflow.operations.max-processor-lag:10000}") long maxLag) {
        super("Event processor health check failed");
        this.processing = processing;
        this.eventStore = eventStore;
        this.maxLag = maxLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = position(eventStore.createHeadToken());
        boolean healthy = true;
        var processors = new LinkedHashMap<String, Object>();
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            boolean error = processor.isError() || segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
            boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
            long behind = segments.values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .mapToLong(position -> position.isPresent() ? head - position.getAsLong() : head)
                    .max().orElse(head);
            String state = !processor.isRunning() ? "STOPPED" : error ? "ERROR" : replaying ? "REPLAYING"
                    : behind > maxLag ? "LAGGING" : "UP";
            healthy &= state.equals("UP") || state.equals("REPLAYING");
            processors.put(processor.getName(), Map.of("state", state, "lag", Math.max(0, behind),
                    "segments", segments.size()));
        }
        (healthy ? builder.up() : builder.down()).withDetail("head", head).withDetail("maxLag", maxLag)
                .withDetail("processors", processors);
    }

    private static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(0);
    }
}
