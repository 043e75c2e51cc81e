package io.orderflow.api.order;

import io.orderflow.api.common.Money;

/** One line of an order, priced from the catalog when the order was placed. */
public record OrderLine(String productId, String productName, int quantity, Money unitPrice) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
