package io.orderflow.api.order;

/** Asks for every event of an order, in the order they happened; answers a list of {@link TimelineEntry}. */
public record FindOrderTimelineQuery(String orderId) {}
