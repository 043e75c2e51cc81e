package io.orderflow.axonserver.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Shares each streaming processor's segments among the running instances of a service. Every instance runs as many
 * threads as its processors have segments, so one instance alone processes everything and takes over the segments
 * of an instance that died once their claims time out. A new instance finds every segment claimed, so it asks Axon
 * Server to balance them by its {@code threadNumber} strategy: the server tells the busiest instances to release
 * segments, and the idle ones claim them.
 *
 * <p>Axon Server EE balances on its own once a processor's strategy is set ({@code
 * axon.axonserver.eventhandling.processors.<name>.automatic-balancing}); SE balances only when asked, so each
 * instance asks once it is ready and then at {@code orderflow.processors.balance-interval}. A balanced processor
 * is left as it is.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
class ProcessorBalancing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorBalancing.class);

    private final EventProcessingConfiguration processing;
    private final AxonServerConnectionManager connections;
    private final String strategy;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    ProcessorBalancing(
            EventProcessingConfiguration processing,
            AxonServerConnectionManager connections,
            @Value("${orderflow.processors.balancing:threadNumber}") String strategy,
            @Value("${orderflow.processors.balance-interval:30s}") Duration interval) {
        this.processing = processing;
        this.connections = connections;
        this.strategy = strategy;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void balanceOnceReady() {
        if (strategy.isBlank() || interval.isZero() || interval.isNegative() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "processor-balancing");
            thread.setDaemon(true);
            return thread;
        });
        // the server learns of this instance's processors from their status reports, which follow the start
        scheduler.scheduleWithFixedDelay(this::balance, 5_000, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void balance() {
        for (StreamingEventProcessor processor : streamingProcessors()) {
            try {
                connections
                        .getConnection()
                        .adminChannel()
                        .loadBalanceEventProcessor(processor.getName(), processor.getTokenStoreIdentifier(), strategy)
                        .get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Axon Server did not balance processor {}: {}", processor.getName(), e.toString());
            }
        }
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
    }

    @Override
    public void start() {}

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
