package io.orderflow.api.order;

import java.time.Instant;

/**
 * Asks for one page of order summaries, newest first (ties broken by order id, so pages are stable); answers an
 * {@link OrderPage}. Every filter is optional.
 *
 * @param customerId only this customer's orders
 * @param status     only orders in this status
 * @param from       only orders placed at or after this instant
 * @param to         only orders placed before this instant
 * @param page       zero-based page number
 * @param size       orders per page
 */
public record FindOrdersQuery(String customerId, OrderStatus status, Instant from, Instant to, int page, int size) {}
