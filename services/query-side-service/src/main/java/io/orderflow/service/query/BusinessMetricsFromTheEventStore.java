package io.orderflow.service.query;

import io.orderflow.query.metrics.BusinessMetrics;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The business counters of a query-side instance. In standalone they count events as they are published in the
 * same JVM; here events are published in command-side, so a subscribing processor would count nothing. A tracking
 * processor reads them from the event store instead, starting at its head the first time (the counters say what
 * happened since they started, not a history), its token in PostgreSQL; with several instances each counts the
 * segments it holds, and Prometheus adds them up.
 */
@Configuration(proxyBeanMethods = false)
class BusinessMetricsFromTheEventStore {

    @Bean
    ConfigurerModule businessMetricsTracking() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                BusinessMetrics.PROCESSING_GROUP,
                configuration -> configuration.eventStore(),
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }
}
