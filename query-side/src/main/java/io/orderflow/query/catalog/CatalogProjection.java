package io.orderflow.query.catalog;

import io.orderflow.api.inventory.ProductCreatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps the {@code products} collection in step with the catalog events; each write is an idempotent upsert. */
@Component
@ProcessingGroup(CatalogProjection.PROCESSING_GROUP)
class CatalogProjection {

    static final String PROCESSING_GROUP = "catalog-projection";

    private final ProductRepository products;

    CatalogProjection(ProductRepository products) {
        this.products = products;
    }

    @EventHandler
    void on(ProductCreatedEvent event) {
        products.save(new ProductDocument(event.productId(), event.name(), event.price(), event.initialStock(), 0));
    }
}
