package io.orderflow.api.inventory;

import io.orderflow.api.common.Money;

/** A product entered the catalog. */
public record ProductCreatedEvent(String productId, String name, Money price, int initialStock) {}
