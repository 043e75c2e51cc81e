package io.orderflow.query.config;

import io.orderflow.query.QuerySide;
import io.orderflow.query.order.OrderSequencingPolicy;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/** The read models' repositories live in this module, whichever application hosts it. */
@Configuration(proxyBeanMethods = false)
@EnableMongoRepositories(basePackageClasses = QuerySide.class)
public class QuerySideConfiguration {

    /**
     * Axon's default error handler logs a failing event and moves on, which would leave a read model silently
     * missing it. Propagating the failure makes the processor retry the event, with back-off, until it succeeds.
     */
    /** Named in {@code axon.eventhandling.processors.order-projection.sequencing-policy}. */
    @Bean
    OrderSequencingPolicy orderSequencingPolicy() {
        return new OrderSequencingPolicy();
    }

    @Bean
    ReadModelIndexes readModelIndexes(MongoTemplate mongo) {
        return new ReadModelIndexes(mongo);
    }

    @Bean
    ConfigurerModule projectionsRetryFailedEvents() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
