package io.orderflow.api.inventory;

import io.orderflow.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames a product or changes its price; orders placed before keep the price they were placed at. */
public record ChangeProductDetailsCommand(
        @TargetAggregateIdentifier String productId, String name, Money price) {}
