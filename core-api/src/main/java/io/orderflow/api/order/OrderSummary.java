package io.orderflow.api.order;

import io.orderflow.api.common.Money;
import io.orderflow.api.common.Nullable;
import java.time.Instant;

/** An order in a list. */
public record OrderSummary(
        String orderId,
        String customerId,
        OrderStatus status,
        @Nullable String reason,
        int lineCount,
        Money total,
        Instant placedAt,
        Instant updatedAt) {}
