package io.orderflow.api.inventory;

/** An event of one catalog product or its stock, named by its id. */
public interface ProductEvent {

    String productId();
}
