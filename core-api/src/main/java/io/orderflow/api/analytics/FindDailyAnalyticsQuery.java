package io.orderflow.api.analytics;

import java.time.LocalDate;

/** Asks for orders and revenue per day (UTC, by placement) and status, for the days from and to, both included. */
public record FindDailyAnalyticsQuery(LocalDate from, LocalDate to) {}
