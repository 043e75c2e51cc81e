package io.orderflow.command.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.CommitStockCommand;
import io.orderflow.api.inventory.CreateProductCommand;
import io.orderflow.api.inventory.ReleaseStockCommand;
import io.orderflow.api.inventory.ReserveStockCommand;
import io.orderflow.api.inventory.StockReservationRejectedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A product loaded from its snapshot has the stock its events gave it. Snapshots go through the platform's
 * serializer (Jackson, as {@code axon.serializer.general: jackson} builds it) before they are stored, as the JDBC
 * store does, and no cache is configured, so every command loads the product from the latest snapshot and the
 * events after it.
 */
class ProductSnapshotTest {

    private static final String PRODUCT = "PROD-001";

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();
    private final List<DomainEventMessage<String>> snapshots = new ArrayList<>();
    /** Keeps snapshots as JSON and reads a fresh product from the latest, as a database-backed store does. */
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine() {
        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            snapshots.add(new GenericDomainEventMessage<>(
                    snapshot.getType(),
                    snapshot.getAggregateIdentifier(),
                    snapshot.getSequenceNumber(),
                    serializer.serialize(snapshot.getPayload(), String.class).getData()));
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return snapshots.isEmpty()
                    ? Optional.empty()
                    : Optional.of(snapshots.get(snapshots.size() - 1))
                            .map(json -> new GenericDomainEventMessage<>(
                                    json.getType(),
                                    json.getAggregateIdentifier(),
                                    json.getSequenceNumber(),
                                    deserialize(json.getPayload())));
        }
    };

    private Configuration axon;

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void productLoadedFromItsSnapshotKeepsItsStock() {
        axon = start(10);
        var commands = axon.commandGateway();
        commands.sendAndWait(new CreateProductCommand(PRODUCT, "Wireless Headphones", Money.of("79.99", "USD"), 100));
        for (int order = 1; order <= 30; order++) {
            commands.sendAndWait(new ReserveStockCommand(PRODUCT, "order-" + order, 2));
        }
        for (int order = 1; order <= 10; order++) {
            commands.sendAndWait(new CommitStockCommand(PRODUCT, "order-" + order));
        }
        for (int order = 11; order <= 15; order++) {
            commands.sendAndWait(new ReleaseStockCommand(PRODUCT, "order-" + order));
        }
        // 100 on hand - 20 shipped = 80; 15 orders still hold 2 each: 50 available
        assertThat(snapshots).hasSizeGreaterThanOrEqualTo(4);
        assertThat(snapshots.get(snapshots.size() - 1).getPayload())
                .contains("\"stockOnHand\":80")
                .contains("\"order-30\":2")
                .doesNotContain("\"order-1\":")
                .doesNotContain("\"order-11\":");

        commands.sendAndWait(new ReserveStockCommand(PRODUCT, "order-31", 51));
        assertThat(lastPayload())
                .isInstanceOfSatisfying(
                        StockReservationRejectedEvent.class,
                        rejected -> assertThat(rejected.stockAvailable()).isEqualTo(50));
        commands.sendAndWait(new ReserveStockCommand(PRODUCT, "order-32", 50));
        assertThat(lastPayload())
                .isInstanceOfSatisfying(
                        StockReservedEvent.class,
                        reserved -> assertThat(reserved.stockAvailable()).isZero());
        // a reservation the snapshot holds is still known: repeating it changes nothing
        long events = storage.readEvents(PRODUCT).asStream().count();
        commands.sendAndWait(new ReserveStockCommand(PRODUCT, "order-30", 2));
        assertThat(storage.readEvents(PRODUCT).asStream().count()).isEqualTo(events);
    }

    private Product deserialize(String json) {
        return serializer.deserialize(new SimpleSerializedObject<>(json, String.class, Product.class.getName(), null));
    }

    private Object lastPayload() {
        return storage.readEvents(PRODUCT)
                .asStream()
                .reduce((first, second) -> second)
                .orElseThrow()
                .getPayload();
    }

    private Configuration start(int threshold) {
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(config -> storage)
                .configureSerializer(config -> serializer)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Product.class)
                        .configureSnapshotTrigger(
                                config -> new EventCountSnapshotTriggerDefinition(config.snapshotter(), threshold)))
                .buildConfiguration();
        configuration.start();
        return configuration;
    }
}
