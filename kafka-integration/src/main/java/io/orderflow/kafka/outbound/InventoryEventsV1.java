package io.orderflow.kafka.outbound;

import java.math.BigDecimal;

/** The public payloads of {@code orderflow.inventory.v1}. */
public final class InventoryEventsV1 {

    private InventoryEventsV1() {}

    public record ProductCreated(String productId, String name, BigDecimal price, String currency, int initialStock) {}

    public record ProductChanged(String productId, String name, BigDecimal price, String currency) {}

    /** Stock restocked or written off outside an order, and what is left to sell. */
    public record StockAdjusted(String productId, String adjustmentId, int change, String reason, int stockAvailable) {}

    /** Stock reserved, released or committed for an order, and what is left to sell. */
    public record StockChanged(String orderId, String productId, int quantity, int stockAvailable) {}

    public record StockReservationRejected(
            String orderId, String productId, int requested, int stockAvailable, String reason) {}
}
