package io.orderflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives an order's reserved units back; a no-op when the order holds none of this product. */
public record ReleaseStockCommand(@TargetAggregateIdentifier String productId, String orderId) {}
