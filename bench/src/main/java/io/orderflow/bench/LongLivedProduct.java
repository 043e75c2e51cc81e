package io.orderflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.ProductCreatedEvent;
import io.orderflow.api.inventory.ReleaseStockCommand;
import io.orderflow.api.inventory.ReserveStockCommand;
import io.orderflow.api.inventory.StockCommittedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import io.orderflow.command.config.AggregateProperties;
import io.orderflow.command.inventory.Product;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Command throughput on one product with a long history, loaded the way each setting loads it: Axon's default
 * (every event read for every command), snapshots ({@code orderflow.aggregates.snapshot-threshold}), and snapshots
 * with the aggregate cache ({@code orderflow.aggregates.cache}). A product gains two events for every order it
 * serves, so after a few months of sales this is the load every reservation pays.
 * <p>
 * It runs in a database of its own on the platform's PostgreSQL, with the platform's event table (its Flyway
 * migration), a Jackson serializer like the platform's, the {@link Product} aggregate, and the Axon cache and
 * snapshot trigger the platform's settings choose ({@link WeakReferenceCache}, {@link
 * EventCountSnapshotTriggerDefinition}).
 */
public final class LongLivedProduct {

    private static final String PRODUCT = "PROD-LONG-LIVED";
    private static final String DATABASE = "orderflow_long_lived_product";
    /** The platform's default ({@code orderflow.aggregates.snapshot-threshold}). */
    private static final int SNAPSHOT_THRESHOLD = Integer.parseInt(AggregateProperties.DEFAULT_SNAPSHOT_THRESHOLD);

    /**
     * Commands per second on the product, by the way it was loaded.
     *
     * @param historyEvents the product's events before the first command
     */
    public record Figures(
            int historyEvents,
            double axonDefaultsCommandsPerSecond,
            double snapshotsCommandsPerSecond,
            double snapshotsAndCacheCommandsPerSecond) {}

    /** How the product is loaded for each command. */
    private record Loading(boolean cache, int snapshotThreshold) {}

    private LongLivedProduct() {}

    /** Fills the history, then answers commands per second for each setting, and the history's length. */
    static Figures measure(String platformJdbcUrl, int historyEvents, Duration each) throws Exception {
        String jdbcUrl = createDatabase(platformJdbcUrl);
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        Serializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules())
                .build();
        var storage = JdbcEventStorageEngine.builder()
                .connectionProvider(
                        new UnitOfWorkAwareConnectionProviderWrapper(new DataSourceConnectionProvider(dataSource)))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();

        try {
            fill(storage, historyEvents);
            return new Figures(
                    historyEvents,
                    commandsPerSecond(storage, serializer, dataSource, new Loading(false, 0), each),
                    commandsPerSecond(storage, serializer, dataSource, new Loading(false, SNAPSHOT_THRESHOLD), each),
                    commandsPerSecond(storage, serializer, dataSource, new Loading(true, SNAPSHOT_THRESHOLD), each));
        } finally {
            try (var db = DriverManager.getConnection(platformJdbcUrl)) {
                db.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
            }
        }
    }

    /** A new database on the same server, with the platform's Axon tables. */
    private static String createDatabase(String platformJdbcUrl) throws Exception {
        try (var db = DriverManager.getConnection(platformJdbcUrl)) {
            db.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
            db.createStatement().execute("create database " + DATABASE);
        }
        String jdbcUrl = platformJdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1");
        try (var db = DriverManager.getConnection(jdbcUrl);
                InputStream schema = LongLivedProduct.class.getResourceAsStream("/db/migration/V1__axon_storage.sql")) {
            if (schema == null) {
                throw new IOException("the platform's event store schema is not on the class path");
            }
            db.createStatement().execute(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
        }
        return jdbcUrl;
    }

    /** The product's creation and then a served order after another, two events each, in batches of 500. */
    private static void fill(JdbcEventStorageEngine storage, int historyEvents) {
        int stock = 1_000_000;
        var batch = new ArrayList<DomainEventMessage<?>>();
        batch.add(event(0, new ProductCreatedEvent(PRODUCT, "Long-lived product", Money.of("10.00", "USD"), stock)));
        for (long sequence = 1; sequence + 1 < historyEvents; sequence += 2) {
            String order = "order-" + sequence;
            batch.add(event(sequence, new StockReservedEvent(PRODUCT, order, 1, stock - 1, 1)));
            stock--;
            batch.add(event(sequence + 1, new StockCommittedEvent(PRODUCT, order, 1, stock, 0)));
            if (batch.size() >= 500) {
                storage.appendEvents(batch);
                batch.clear();
            }
        }
        storage.appendEvents(batch);
    }

    private static DomainEventMessage<?> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>(Product.class.getSimpleName(), PRODUCT, sequence, payload);
    }

    /** Reservations and their releases on the product, one after the other, for the time given. */
    private static double commandsPerSecond(
            JdbcEventStorageEngine storage,
            Serializer serializer,
            PGSimpleDataSource dataSource,
            Loading loading,
            Duration each)
            throws Exception {
        try (var db = dataSource.getConnection()) {
            db.createStatement().execute("delete from snapshotevententry");
        }
        Configuration axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(config -> storage)
                .configureSerializer(config -> serializer)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Product.class)
                        .configureCache(config -> loading.cache() ? new WeakReferenceCache() : NoCache.INSTANCE)
                        .configureSnapshotTrigger(config -> loading.snapshotThreshold() > 0
                                ? new EventCountSnapshotTriggerDefinition(
                                        config.snapshotter(), loading.snapshotThreshold())
                                : NoSnapshotTriggerDefinition.INSTANCE))
                .buildConfiguration();
        axon.start();
        try {
            var commands = axon.commandGateway();
            long done = 0;
            long start = System.nanoTime();
            long end = start + each.toNanos();
            while (System.nanoTime() < end) {
                String order = UUID.randomUUID().toString();
                commands.sendAndWait(new ReserveStockCommand(PRODUCT, order, 1));
                commands.sendAndWait(new ReleaseStockCommand(PRODUCT, order));
                done += 2;
            }
            return Percentiles.oneDecimal(done / ((System.nanoTime() - start) / 1e9));
        } finally {
            axon.shutdown();
        }
    }
}
