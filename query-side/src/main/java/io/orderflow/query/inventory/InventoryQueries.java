package io.orderflow.query.inventory;

import io.orderflow.api.inventory.FindAllProductsQuery;
import io.orderflow.api.inventory.FindProductsQuery;
import io.orderflow.api.inventory.ProductView;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Answers catalog questions from the {@code products} collection. */
@Component
class InventoryQueries {

    private final ProductRepository products;

    InventoryQueries(ProductRepository products) {
        this.products = products;
    }

    @QueryHandler
    List<ProductView> handle(FindAllProductsQuery query) {
        return products.findAll(Sort.by("productId")).stream()
                .map(ProductDocument::toView)
                .toList();
    }

    @QueryHandler
    List<ProductView> handle(FindProductsQuery query) {
        return products.findAllById(query.productIds()).stream()
                .map(ProductDocument::toView)
                .toList();
    }
}
