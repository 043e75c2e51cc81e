package io.orderflow.query.analytics;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.orderflow.api.analytics.DailyAnalytics;
import io.orderflow.api.analytics.DailyFigures;
import io.orderflow.api.analytics.FindDailyAnalyticsQuery;
import io.orderflow.api.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Orders and revenue per day and status, computed from the {@code orders} read model at the time of asking: always
 * in step with it, replayed with it, and built only on a range query that a real MongoDB and the embedded wire
 * server both serve from the placement-time index.
 */
@Component
class DailyAnalyticsQueries {

    private final MongoTemplate mongo;

    DailyAnalyticsQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    DailyAnalytics handle(FindDailyAnalyticsQuery query) {
        var range = new Query(where("placedAt")
                .gte(Date.from(query.from().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .lt(Date.from(
                        query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())));
        range.fields().include("placedAt", "status", "total");
        var days = new TreeMap<LocalDate, Day>();
        for (Document order : mongo.find(range, Document.class, "orders")) {
            LocalDate day =
                    order.getDate("placedAt").toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            Document total = order.get("total", Document.class);
            days.computeIfAbsent(day, Day::new)
                    .add(
                            order.getString("status"),
                            new Money(new BigDecimal(total.get("amount").toString()), total.getString("currency")));
        }
        return new DailyAnalytics(days.values().stream().map(Day::figures).toList());
    }

    private static final class Day {

        private final LocalDate date;
        private final TreeMap<String, Long> orders = new TreeMap<>();
        private final TreeMap<String, Money> revenue = new TreeMap<>();

        Day(LocalDate date) {
            this.date = date;
        }

        void add(String status, Money total) {
            orders.merge(status, 1L, Long::sum);
            revenue.merge(status, total, Money::plus);
        }

        DailyFigures figures() {
            return new DailyFigures(
                    date, orders.values().stream().mapToLong(Long::longValue).sum(), orders, revenue);
        }
    }
}
