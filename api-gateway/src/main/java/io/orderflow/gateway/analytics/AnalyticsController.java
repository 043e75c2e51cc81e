package io.orderflow.gateway.analytics;

import io.orderflow.api.analytics.DailyAnalytics;
import io.orderflow.api.analytics.DailyFigures;
import io.orderflow.api.analytics.FindDailyAnalyticsQuery;
import io.orderflow.gateway.config.BoundedQueries;
import io.orderflow.gateway.problem.FieldProblem;
import io.orderflow.gateway.problem.InvalidRequestException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders and revenue per day and status, for operators. */
@RestController
class AnalyticsController {

    static final int LONGEST_RANGE_DAYS = 366;

    private final BoundedQueries queries;

    AnalyticsController(BoundedQueries queries) {
        this.queries = queries;
    }

    /** Days are UTC dates ({@code 2026-11-25}); by default the last 30 days up to today. */
    @GetMapping("/api/analytics/daily")
    List<DailyFigures> daily(
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", "must not be before from")));
        }
        if (ChronoUnit.DAYS.between(first, last) >= LONGEST_RANGE_DAYS) {
            throw new InvalidRequestException(
                    List.of(new FieldProblem("to", "must be at most " + LONGEST_RANGE_DAYS + " days after from")));
        }
        return queries.ask(new FindDailyAnalyticsQuery(first, last), ResponseTypes.instanceOf(DailyAnalytics.class))
                .days();
    }
}
