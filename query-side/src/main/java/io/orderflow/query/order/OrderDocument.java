package io.orderflow.query.order;

import io.orderflow.api.common.Money;
import io.orderflow.api.order.OrderLine;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.api.order.OrderSummary;
import io.orderflow.api.order.OrderView;
import io.orderflow.api.order.ShippingAddress;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The read model of one order, keyed by order id. */
@Document("orders")
public record OrderDocument(
        @Id String orderId,
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
        Instant updatedAt) {

    OrderDocument withStatus(OrderStatus newStatus, String newReason, Instant at) {
        return new OrderDocument(
                orderId,
                customerId,
                newStatus,
                newReason,
                lines,
                total,
                shippingAddress,
                paymentStatus,
                shipmentStatus,
                carrier,
                trackingNumber,
                placedAt,
                expiresAt,
                at);
    }

    OrderDocument withPayment(String newPaymentStatus, Instant at) {
        return new OrderDocument(
                orderId,
                customerId,
                status,
                reason,
                lines,
                total,
                shippingAddress,
                newPaymentStatus,
                shipmentStatus,
                carrier,
                trackingNumber,
                placedAt,
                expiresAt,
                at);
    }

    OrderDocument withShipment(String newShipmentStatus, String newCarrier, String newTrackingNumber, Instant at) {
        return new OrderDocument(
                orderId,
                customerId,
                status,
                reason,
                lines,
                total,
                shippingAddress,
                paymentStatus,
                newShipmentStatus,
                newCarrier,
                newTrackingNumber,
                placedAt,
                expiresAt,
                at);
    }

    OrderView toView() {
        return new OrderView(
                orderId,
                customerId,
                status,
                reason,
                lines,
                total,
                shippingAddress,
                paymentStatus,
                shipmentStatus,
                carrier,
                trackingNumber,
                placedAt,
                expiresAt,
                updatedAt);
    }

    OrderSummary toSummary() {
        return new OrderSummary(orderId, customerId, status, reason, lines.size(), total, placedAt, updatedAt);
    }
}
