package io.orderflow.api.order;

/** Asks for one order's read model; answers an {@link OrderView}, or nothing when there is no such order. */
public record FindOrderQuery(String orderId) {}
