package io.orderflow.api.inventory;

/** Stock on hand changed outside an order, with the levels after the change. */
public record StockAdjustedEvent(
        String productId, String adjustmentId, int change, String reason, int stockAvailable, int stockReserved) {}
