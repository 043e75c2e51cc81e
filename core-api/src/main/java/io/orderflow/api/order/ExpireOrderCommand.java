package io.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order was not paid in time; its reservations were already released. */
public record ExpireOrderCommand(@TargetAggregateIdentifier String orderId) {}
