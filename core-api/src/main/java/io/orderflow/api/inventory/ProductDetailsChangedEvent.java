package io.orderflow.api.inventory;

import io.orderflow.api.common.Money;

/** A product's name or price changed; both are given as they are now. */
public record ProductDetailsChangedEvent(String productId, String name, Money price) {}
