package io.orderflow.kafka;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The public shape of {@code io.orderflow.order.placed.v1}: what other teams may rely on. No payment details and no
 * internal state; a new field is a compatible change, a renamed or removed one is a new version.
 */
record OrderPlacedV1(String orderId, String customerId, List<Line> lines, BigDecimal total, String currency,
                     Instant placedAt, Instant expiresAt) {

    record Line(String productId, String productName, int quantity, BigDecimal unitPrice) {
    }
}
