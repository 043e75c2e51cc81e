package io.orderflow.api.order;

import java.util.List;

/** One page of order summaries and how many orders match in all. */
public record OrderPage(List<OrderSummary> items, int page, int size, long total) {}
