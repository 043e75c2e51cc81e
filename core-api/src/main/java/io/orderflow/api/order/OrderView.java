package io.orderflow.api.order;

import io.orderflow.api.common.Money;
import java.time.Instant;
import java.util.List;

/**
 * An order as customers and operators see it: lines, totals, status and why it ended, and how far its payment and
 * parcel got.
 *
 * @param paymentStatus  {@code ACTION_REQUIRED}, {@code AUTHORIZED}, {@code DECLINED}, {@code CAPTURED},
 *                       {@code VOIDED}, {@code REFUNDED}, or null before the payment starts
 * @param shipmentStatus {@code CREATED}, {@code REFUSED}, {@code DISPATCHED}, {@code DELIVERED}, {@code FAILED},
 *                       {@code CANCELLED}, or null before the parcel is booked
 */
public record OrderView(
        String orderId,
        String customerId,
        OrderStatus status,
        String reason,
        List<OrderLine> lines,
        Money total,
        ShippingAddress shippingAddress,
        String paymentStatus,
        String shipmentStatus,
        String carrier,
        String trackingNumber,
        Instant placedAt,
        Instant expiresAt,
        Instant updatedAt) {}
