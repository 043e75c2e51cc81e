package io.orderflow.query.inventory;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.orderflow.api.inventory.ProductCreatedEvent;
import io.orderflow.api.inventory.ProductDetailsChangedEvent;
import io.orderflow.api.inventory.StockAdjustedEvent;
import io.orderflow.api.inventory.StockCommittedEvent;
import io.orderflow.api.inventory.StockReleasedEvent;
import io.orderflow.api.inventory.StockReservedEvent;
import io.orderflow.query.QuerySide;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code products} collection in step with the catalog and stock events. Stock events carry the levels
 * after the change, which are set as they are: applying an event twice leaves the same document.
 */
@Component
@ProcessingGroup(QuerySide.INVENTORY_PROJECTION)
class InventoryProjection {

    private final ProductRepository products;
    private final MongoTemplate mongo;

    InventoryProjection(ProductRepository products, MongoTemplate mongo) {
        this.products = products;
        this.mongo = mongo;
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ProductDocument.class);
    }

    @EventHandler
    void on(ProductCreatedEvent event) {
        products.save(new ProductDocument(event.productId(), event.name(), event.price(), event.initialStock(), 0));
    }

    @EventHandler
    void on(ProductDetailsChangedEvent event) {
        mongo.updateFirst(
                query(where("_id").is(event.productId())),
                new Update().set("name", event.name()).set("price", event.price()),
                ProductDocument.class);
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
        mongo.updateFirst(
                query(where("_id").is(productId)),
                new Update().set("stockAvailable", available).set("stockReserved", reserved),
                ProductDocument.class);
    }
}
