package io.orderflow.api.order;

import java.time.Instant;

/**
 * One event in an order's life, for people: what happened ({@code type}, such as {@code StockReserved}), when, and
 * a sentence saying it.
 */
public record TimelineEntry(String eventId, String type, Instant occurredAt, String description) {}
