package io.orderflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Holds {@code quantity} units of a product for one order's line; repeating it for the same order is a no-op. */
public record ReserveStockCommand(@TargetAggregateIdentifier String productId, String orderId, int quantity) {}
