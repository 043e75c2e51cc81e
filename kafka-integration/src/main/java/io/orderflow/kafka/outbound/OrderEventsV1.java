package io.orderflow.kafka.outbound;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The public payloads of {@code orderflow.orders.v1}: what other teams may rely on. No payment method, no address,
 * no internal state; a new field is a compatible change, a renamed or removed one is a new version.
 */
public final class OrderEventsV1 {

    private OrderEventsV1() {}

    public record Placed(
            String orderId,
            String customerId,
            List<Line> lines,
            BigDecimal total,
            String currency,
            Instant placedAt,
            Instant expiresAt) {}

    public record Line(String productId, String productName, int quantity, BigDecimal unitPrice) {}

    public record AwaitingPayment(String orderId) {}

    public record Paid(String orderId, String paymentId) {}

    public record Shipped(String orderId, String shipmentId, String carrier, String trackingNumber) {}

    public record Delivered(String orderId) {}

    public record CancellationRequested(String orderId, String reason) {}

    /** The end of an order that was cancelled, rejected or expired, and why. */
    public record Ended(String orderId, String reason) {}
}
