package io.orderflow.query.inventory;

import io.orderflow.api.inventory.ProductCreatedEvent;
import io.orderflow.api.inventory.ProductDetailsChangedEvent;
import io.orderflow.api.inventory.StockAdjustedEvent;
import io.orderflow.api.inventory.StockCommittedEvent;
import io.orderflow.api.inventory.StockReleasedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import io.orderflow.query.Projection;
import io.orderflow.query.QuerySide;
import io.orderflow.query.config.ReadModelBatch;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code products} collection in step with the catalog and stock events. Stock events carry the levels
 * after the change, which are set as they are: applying an event twice leaves the same document.
 */
@Component
@ProcessingGroup(QuerySide.INVENTORY_PROJECTION)
class InventoryProjection extends Projection {

    private final MongoTemplate mongo;

    InventoryProjection(MongoTemplate mongo) {
        super(mongo, ProductDocument.class);
        this.mongo = mongo;
    }

    @EventHandler
    void on(ProductCreatedEvent event) {
        ReadModelBatch.current(mongo)
                .save(new ProductDocument(event.productId(), event.name(), event.price(), event.initialStock(), 0));
    }

    @EventHandler
    void on(ProductDetailsChangedEvent event) {
        change(event.productId(), product -> product.withDetails(event.name(), event.price()));
    }

    @EventHandler
    void on(StockAdjustedEvent event) {
        stock(event.productId(), event.stockAvailable(), event.stockReserved());
    }

    @EventHandler
    void on(StockReservedEvent event) {
        stock(event.productId(), event.stockAvailable(), event.stockReserved());
    }

    @EventHandler
    void on(StockReleasedEvent event) {
        stock(event.productId(), event.stockAvailable(), event.stockReserved());
    }

    @EventHandler
    void on(StockCommittedEvent event) {
        stock(event.productId(), event.stockAvailable(), event.stockReserved());
    }

    private void stock(String productId, int available, int reserved) {
        change(productId, product -> product.withStock(available, reserved));
    }

    /** The product as the batch leaves it ({@link ReadModelBatch}: one write per product per batch). */
    private void change(String productId, UnaryOperator<ProductDocument> change) {
        ReadModelBatch batch = ReadModelBatch.current(mongo);
        batch.find(ProductDocument.class, productId).map(change).ifPresent(batch::save);
    }
}
