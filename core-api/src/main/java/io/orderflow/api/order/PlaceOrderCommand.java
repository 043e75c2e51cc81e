package io.orderflow.api.order;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Places an order with lines already priced from the catalog. The order id is derived from the customer and the
 * client's idempotency key, so the same request sent twice reaches the same order.
 */
public record PlaceOrderCommand(
        @TargetAggregateIdentifier String orderId,
        String customerId,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        String paymentMethod) {}
