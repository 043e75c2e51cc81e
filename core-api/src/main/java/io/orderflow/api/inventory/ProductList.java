package io.orderflow.api.inventory;

import java.util.List;

/** Products of the catalog, by product id. A record, not a bare list, so that the answer keeps its element type across Axon Server. */
public record ProductList(List<ProductView> products) {

    public ProductList {
        products = List.copyOf(products);
    }
}
