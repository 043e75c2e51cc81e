package io.orderflow.query.config;

import com.mongodb.WriteConcern;
import io.orderflow.api.inventory.ProductEvent;
import io.orderflow.api.order.OrderEvent;
import io.orderflow.api.payment.PaymentEvent;
import io.orderflow.api.shipping.ShipmentEvent;
import io.orderflow.query.QuerySide;
import io.orderflow.query.inventory.ProductDocument;
import io.orderflow.query.order.OrderDocument;
import io.orderflow.query.order.OrderSequencingPolicy;
import io.orderflow.query.payment.PaymentDocument;
import io.orderflow.query.shipping.ShipmentDocument;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
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

    /** Named in {@code axon.eventhandling.processors.order-projection.sequencing-policy}. */
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
     * Each projection's batch is written in bulk and ends with a journaled checkpoint before its token is stored; the
     * projections that change documents read those their batch names in one query first (the timeline only adds
     * entries).
     */
    @Bean
    ConfigurerModule projectionsCheckpointTheirWrites(MongoTemplate mongo) {
        Map<String, ReadModelCheckpoints.ReadAhead> readAheads = readAheads();
        return configurer -> QuerySide.PROJECTIONS.forEach(projection -> configurer
                .eventProcessing()
                .registerHandlerInterceptor(
                        projection,
                        configuration -> new ReadModelCheckpoints(mongo, projection, readAheads.get(projection))));
    }

    /** What each projection's batch reads ahead, by projection. */
    static Map<String, ReadModelCheckpoints.ReadAhead> readAheads() {
        return Map.of(
                QuerySide.ORDER_PROJECTION,
                readAhead(OrderDocument.class, OrderEvent.class, OrderEvent::orderId),
                QuerySide.INVENTORY_PROJECTION,
                readAhead(ProductDocument.class, ProductEvent.class, ProductEvent::productId),
                QuerySide.PAYMENT_PROJECTION,
                readAhead(PaymentDocument.class, PaymentEvent.class, PaymentEvent::paymentId),
                QuerySide.SHIPMENT_PROJECTION,
                readAhead(ShipmentDocument.class, ShipmentEvent.class, ShipmentEvent::shipmentId));
    }

    /** The documents of the type named by the batch's events of the given kind. */
    private static <E> ReadModelCheckpoints.ReadAhead readAhead(
            Class<?> documents, Class<E> events, Function<E, String> idOf) {
        return new ReadModelCheckpoints.ReadAhead(
                documents,
                event -> events.isInstance(event.getPayload()) ? idOf.apply(events.cast(event.getPayload())) : null);
    }
}
