package io.orderflow.query.config;

import com.mongodb.WriteConcern;
import io.orderflow.api.order.OrderEvent;
import io.orderflow.query.QuerySide;
import io.orderflow.query.order.OrderDocument;
import io.orderflow.query.order.OrderSequencingPolicy;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.lifecycle.Phase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/** The read models' repositories live in this module, whichever application hosts it. */
@Configuration(proxyBeanMethods = false)
@EnableMongoRepositories(basePackageClasses = QuerySide.class)
@EnableConfigurationProperties(ReadModelProperties.class)
public class QuerySideConfiguration {

    /** Named in {@code axon.eventhandling.processors.order-projection.sequencing-policy}: the order projection's. */
    @Bean
    OrderSequencingPolicy orderSequencingPolicy() {
        return new OrderSequencingPolicy();
    }

    @Bean
    ReadModelIndexes readModelIndexes(MongoTemplate mongo) {
        return new ReadModelIndexes(mongo);
    }

    /**
     * Axon's default error handler logs a failing event and moves on, which would leave a read model silently
     * missing it. Propagating the failure makes the processor retry the event, with back-off, until it succeeds.
     */
    @Bean
    ConfigurerModule projectionsRetryFailedEvents() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    MongoClientSettingsBuilderCustomizer readModelWriteConcern(ReadModelProperties properties) {
        return settings -> {
            if (properties.journalEveryWrite()) {
                settings.writeConcern(WriteConcern.JOURNALED);
            }
        };
    }

    /**
     * A MongoDB outage fails a projection's batch, to be retried, rather than dead-lettering its events. The default
     * policy of every processor with a dead-letter queue, so a new projection cannot be left without it.
     */
    @Bean
    ConfigurerModule projectionsWaitOutReadModelOutages() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultDeadLetterPolicy(configuration -> new ReadModelOutagePolicy());
    }

    /**
     * Every projection runs in the {@link QuerySide#READ_MODELS} processor, whose batch is written in bulk and ends
     * with a journaled checkpoint before its token is stored; the order projection's documents for the batch are read
     * in one query first. A store kept by an earlier version, with a processor per projection, hands their positions
     * on before the processor starts ({@link ReadModelsPosition}).
     */
    @Bean
    ConfigurerModule projectionsShareOneProcessor(MongoTemplate mongo) {
        var orders = new ReadModelCheckpoints.ReadAhead(
                OrderDocument.class, event -> event.getPayload() instanceof OrderEvent about ? about.orderId() : null);
        return configurer -> {
            QuerySide.PROJECTIONS.forEach(projection ->
                    configurer.eventProcessing().assignProcessingGroup(projection, QuerySide.READ_MODELS));
            configurer
                    .eventProcessing()
                    .registerHandlerInterceptor(
                            QuerySide.READ_MODELS,
                            configuration -> new ReadModelCheckpoints(mongo, QuerySide.READ_MODELS, orders));
            configurer.onInitialize(configuration -> configuration.onStart(
                    Phase.INBOUND_EVENT_CONNECTORS - 1,
                    () -> ReadModelsPosition.of(configuration).takeOverFrom(QuerySide.PROJECTIONS)));
        };
    }
}
