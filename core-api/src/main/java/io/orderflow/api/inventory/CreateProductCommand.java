package io.orderflow.api.inventory;

import io.orderflow.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a product to the catalog with its price and the stock on hand. */
public record CreateProductCommand(
        @TargetAggregateIdentifier String productId, String name, Money price, int initialStock) {}
