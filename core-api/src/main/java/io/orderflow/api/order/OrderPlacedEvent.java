package io.orderflow.api.order;

import io.orderflow.api.common.Money;
import java.time.Instant;
import java.util.List;

/** An order was accepted; it must be paid before {@code expiresAt}. */
public record OrderPlacedEvent(
        String orderId,
        String customerId,
        List<OrderLine> lines,
        Money total,
        ShippingAddress shippingAddress,
        String paymentMethod,
        Instant placedAt,
        Instant expiresAt)
        implements OrderEvent {}
