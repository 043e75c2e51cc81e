package io.orderflow.api.order;

/**
 * The operator's firehose: a subscription to every change of every order. Its initial answer is empty; each update
 * is the changed order's {@link OrderView}.
 */
public record WatchOrdersQuery() {}
