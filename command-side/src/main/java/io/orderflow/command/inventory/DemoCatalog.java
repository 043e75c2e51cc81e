package io.orderflow.command.inventory;

import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.CreateProductCommand;
import io.orderflow.api.inventory.FindProductsQuery;
import io.orderflow.api.inventory.ProductList;
import io.orderflow.api.inventory.ProductView;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the demo catalog through commands on first start, so it is in the event store like any other product,
 * and waits (at most a minute) until the catalog read model shows it before the platform calls itself ready. Part of
 * command-side, so that the command-side service seeds it in distributed mode.
 */
@Component
@ConditionalOnBooleanProperty(name = "orderflow.demo-catalog.enabled", matchIfMissing = true)
class DemoCatalog implements ApplicationRunner {

    static final List<CreateProductCommand> PRODUCTS = List.of(
            product("PROD-001", "Wireless Headphones", "79.99", 100),
            product("PROD-002", "Laptop Stand", "45.99", 50),
            product("PROD-003", "USB-C Hub", "34.99", 200),
            product("PROD-004", "Mechanical Keyboard", "129.99", 75),
            product("PROD-005", "Monitor Light Bar", "59.99", 60),
            product("PROD-006", "Webcam HD", "89.99", 40),
            product("PROD-007", "Mouse Pad XL", "24.99", 150),
            product("PROD-008", "Cable Management Kit", "19.99", 300));

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventStore eventStore;

    private final DemoCatalogProperties properties;

    DemoCatalog(
            CommandGateway commands, QueryGateway queries, EventStore eventStore, DemoCatalogProperties properties) {
        this.commands = commands;
        this.properties = properties;
        this.queries = queries;
        this.eventStore = eventStore;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        List<CreateProductCommand> missing = PRODUCTS.stream()
                .filter(product ->
                        eventStore.lastSequenceNumberFor(product.productId()).isEmpty())
                .map(product -> properties.initialStock() == null
                        ? product
                        : new CreateProductCommand(
                                product.productId(), product.name(), product.price(), properties.initialStock()))
                .toList();
        missing.forEach(commands::sendAndWait);
        if (!missing.isEmpty()) {
            log.info("Created {} demo catalog products", missing.size());
        }
        awaitReadModel();
    }

    private void awaitReadModel() throws InterruptedException {
        var ids = PRODUCTS.stream().map(CreateProductCommand::productId).toList();
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (true) {
            List<ProductView> visible;
            try {
                visible = queries.query(new FindProductsQuery(ids), ResponseTypes.instanceOf(ProductList.class))
                        .join()
                        .products();
            } catch (CompletionException notYet) {
                // in distributed mode the query-side service may not be up yet: no handler for the query
                visible = List.of();
            }
            if (visible.size() == ids.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                log.warn(
                        "The catalog read model shows {} of {} demo products after {}; it is still catching up",
                        visible.size(),
                        ids.size(),
                        PROJECTION_WAIT);
                return;
            }
            Thread.sleep(100);
        }
    }

    private static CreateProductCommand product(String id, String name, String price, int stock) {
        return new CreateProductCommand(id, name, Money.of(price, "USD"), stock);
    }
}
