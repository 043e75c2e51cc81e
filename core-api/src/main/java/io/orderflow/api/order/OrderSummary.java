package io.orderflow.api.order;

import io.orderflow.api.common.Money;
import java.time.Instant;

/** An order in a list. */
public record OrderSummary(
        String orderId,
        String customerId,
        OrderStatus status,
        String reason,
        int lineCount,
        Money total,
        Instant placedAt,
        Instant updatedAt) {}
