package io.orderflow.query.inventory;

import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.ProductView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The read model of one catalog product, with its stock levels. */
@Document("products")
public record ProductDocument(@Id String productId, String name, Money price, int stockAvailable, int stockReserved) {

    ProductView toView() {
        return new ProductView(productId, name, price, stockAvailable, stockReserved);
    }
}
