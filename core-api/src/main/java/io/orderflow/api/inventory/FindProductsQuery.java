package io.orderflow.api.inventory;

import java.util.Collection;

/** Asks for the catalog entries of the given ids; unknown ids are simply absent from the answer. */
public record FindProductsQuery(Collection<String> productIds) {}
