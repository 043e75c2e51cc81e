package io.orderflow.query.inventory;

import io.orderflow.api.common.Money;
import io.orderflow.api.inventory.ProductView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The read model of one catalog product, with its stock levels. */
@Document("products")
public record ProductDocument(@Id String productId, String name, Money price, int stockAvailable, int stockReserved) {

    ProductDocument withDetails(String newName, Money newPrice) {
        return new ProductDocument(productId, newName, newPrice, stockAvailable, stockReserved);
    }

    ProductDocument withStock(int available, int reserved) {
        return new ProductDocument(productId, name, price, available, reserved);
    }

    ProductView toView() {
        return new ProductView(productId, name, price, stockAvailable, stockReserved);
    }
}
