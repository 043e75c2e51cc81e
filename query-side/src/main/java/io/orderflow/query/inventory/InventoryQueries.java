package io.orderflow.query.inventory;

import io.orderflow.api.inventory.FindAllProductsQuery;
import io.orderflow.api.inventory.FindProductsQuery;
import io.orderflow.api.inventory.ProductList;
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
    ProductList handle(FindAllProductsQuery query) {
        return new ProductList(products.findAll(Sort.by("productId")).stream()
                .map(ProductDocument::toView)
                .toList());
    }

    @QueryHandler
    ProductList handle(FindProductsQuery query) {
        return new ProductList(products.findAllById(query.productIds()).stream()
                .map(ProductDocument::toView)
                .toList());
    }
}
