package io.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Every step was undone; the order ends as cancelled with the reason. */
public record CancelOrderCommand(@TargetAggregateIdentifier String orderId, String reason) {}
