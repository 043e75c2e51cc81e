package io.orderflow.api.inventory;

import io.orderflow.api.common.Money;

/** A catalog entry with its stock levels. */
public record ProductView(String productId, String name, Money price, int stockAvailable, int stockReserved) {}
