package io.orderflow.api.order;

import io.orderflow.api.common.Money;
import io.orderflow.api.common.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * An order as customers and operators see it: lines, totals, status and why it ended, and how far its payment and
 * parcel got.
 *
 * @param paymentStatus  {@code ACTION_REQUIRED} (waiting for the customer's authentication), {@code AUTHORIZED},
 *                       {@code DECLINED}, {@code CAPTURED}, {@code CAPTURE_FAILED}, {@code VOIDED}, {@code REFUNDED},
 *                       or null before the payment starts
 * @param shipmentStatus {@code CREATED}, {@code REFUSED}, {@code DISPATCHED}, {@code DELIVERED}, {@code FAILED},
 *                       {@code CANCELLED}, {@code RETURN_REQUESTED} (called back from the carrier after the order was
 *                       undone), {@code RETURNED}, {@code RETURN_REFUSED}, or null before the parcel is booked
 */
public record OrderView(
        String orderId,
        String customerId,
        OrderStatus status,
        @Nullable String reason,
        List<OrderLine> lines,
        Money total,
        ShippingAddress shippingAddress,
        @Nullable String paymentStatus,
        @Nullable String shipmentStatus,
        @Nullable String carrier,
        @Nullable String trackingNumber,
        Instant placedAt,
        Instant expiresAt,
        Instant updatedAt) {}
