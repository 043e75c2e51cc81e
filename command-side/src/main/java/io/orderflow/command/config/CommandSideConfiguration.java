package io.orderflow.command.config;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.stripe.StripeClient;
import io.orderflow.command.inventory.DemoCatalogProperties;
import io.orderflow.command.order.Order;
import io.orderflow.command.order.OrderCancellations;
import io.orderflow.command.order.OrderPolicy;
import io.orderflow.command.payment.PaymentGateway;
import io.orderflow.command.payment.simulated.SimulatedCustomerAuthentication;
import io.orderflow.command.payment.simulated.SimulatedPaymentGateway;
import io.orderflow.command.payment.stripe.StripePaymentGateway;
import io.orderflow.command.shipping.Carrier;
import io.orderflow.command.shipping.Shipment;
import io.orderflow.command.shipping.simulated.SimulatedCarrier;
import io.orderflow.command.shipping.simulated.SimulatedCarrierProperties;
import io.orderflow.command.shipping.simulated.SimulatedCarrierReports;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    OrderProperties.class,
    AggregateProperties.class,
    StripeProperties.class,
    SimulatedCarrierProperties.class,
    DemoCatalogProperties.class
})
public class CommandSideConfiguration {

    /** The cache every aggregate is kept in between commands (named in each {@code @Aggregate}). */
    public static final String AGGREGATE_CACHE = "aggregateCache";
    /** When a product's history is summed up in a snapshot. */
    public static final String PRODUCT_SNAPSHOTS = "productSnapshotTrigger";

    private static final String STRIPE_CONFIGURED = "!'${orderflow.stripe.api-key:}'.isBlank()";

    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache(AggregateProperties properties) {
        return properties.cache() ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    @Bean(PRODUCT_SNAPSHOTS)
    SnapshotTriggerDefinition productSnapshotTrigger(Snapshotter snapshotter, AggregateProperties properties) {
        return properties.snapshotThreshold() > 0
                ? new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold())
                : NoSnapshotTriggerDefinition.INSTANCE;
    }

    @Bean
    OrderPolicy orderPolicy(OrderProperties properties) {
        return new OrderPolicy(properties.paymentTimeout(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnExpression(STRIPE_CONFIGURED)
    PaymentGateway stripePaymentGateway(StripeProperties properties) {
        return new StripePaymentGateway(StripeClient.builder()
                .setApiKey(properties.apiKey())
                .setApiBase(properties.apiBase())
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                .build());
    }

    @Bean
    @ConditionalOnExpression("!(" + STRIPE_CONFIGURED + ")")
    SimulatedPaymentGateway simulatedPaymentGateway(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new SimulatedPaymentGateway(jdbc, transactionManager);
    }

    @Bean
    @ConditionalOnExpression("!(" + STRIPE_CONFIGURED + ")")
    SimulatedCustomerAuthentication simulatedCustomerAuthentication(
            SimulatedPaymentGateway provider, CommandGateway commands) {
        return new SimulatedCustomerAuthentication(provider, commands);
    }

    @Bean
    OrderCancellations orderCancellations(
            @Lazy Repository<Order> orderRepository,
            @Lazy Repository<Shipment> shipmentRepository,
            @Lazy EventStore eventStore,
            Carrier carrier) {
        return new OrderCancellations(orderRepository, shipmentRepository, eventStore, carrier);
    }

    @Bean
    Carrier simulatedCarrier(SimulatedCarrierProperties properties) {
        return new SimulatedCarrier(properties);
    }

    @Bean
    OneTimeTask<String> simulatedCarrierReportTask(ObjectProvider<SimulatedCarrierReports> reports) {
        return SimulatedCarrierReports.reportTask(reports);
    }

    @Bean
    SimulatedCarrierReports simulatedCarrierReports(
            CommandGateway commands,
            SimulatedCarrierProperties properties,
            @Lazy SchedulerClient scheduler,
            OneTimeTask<String> reportTask) {
        return new SimulatedCarrierReports(commands, properties, scheduler, reportTask);
    }
}
