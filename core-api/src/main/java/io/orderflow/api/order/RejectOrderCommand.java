package io.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order cannot be fulfilled (a line is out of stock); its reservations were already released. */
public record RejectOrderCommand(@TargetAggregateIdentifier String orderId, String reason) {}
