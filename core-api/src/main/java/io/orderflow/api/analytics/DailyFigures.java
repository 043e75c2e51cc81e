package io.orderflow.api.analytics;

import io.orderflow.api.common.Money;
import java.time.LocalDate;
import java.util.Map;

/**
 * One day's orders by the status they are in now, with the value of those orders.
 *
 * @param orders  the day's orders per status
 * @param revenue the total value of those orders per status, per currency
 */
public record DailyFigures(LocalDate date, long totalOrders, Map<String, Long> orders, Map<String, Money> revenue) {}
