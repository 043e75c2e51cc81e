package io.orderflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes the stock on hand outside an order: a delivery from a supplier (a positive change) or units written off
 * (a negative one). The adjustment's id makes a repeated command change nothing.
 */
public record AdjustStockCommand(
        @TargetAggregateIdentifier String productId, String adjustmentId, int change, String reason) {}
