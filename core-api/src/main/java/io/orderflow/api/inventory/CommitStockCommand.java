package io.orderflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The reserved units reached the customer: they leave the stock for good. A no-op without a reservation. */
public record CommitStockCommand(@TargetAggregateIdentifier String productId, String orderId) {}
