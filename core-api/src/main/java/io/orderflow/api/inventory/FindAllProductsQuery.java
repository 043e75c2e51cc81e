package io.orderflow.api.inventory;

/** Asks for the whole catalog, ordered by product id; answers a list of {@link ProductView}. */
public record FindAllProductsQuery() {}
