package io.orderflow.api.order;

import io.orderflow.api.common.Money;

import java.time.Instant;
import java.util.List;

/** An order as customers and operators see it. */
public record OrderView(String orderId,
                        String customerId,
                        OrderStatus status,
                        String reason,
                        List<OrderLine> lines,
                        Money total,
                        ShippingAddress shippingAddress,
                        Instant placedAt,
                        Instant expiresAt,
                        Instant updatedAt) {
}
