package io.orderflow.query.order;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.orderflow.api.order.FindOrderQuery;
import io.orderflow.api.order.FindOrdersQuery;
import io.orderflow.api.order.OrderList;
import io.orderflow.api.order.OrderPage;
import io.orderflow.api.order.OrderView;
import io.orderflow.api.order.WatchOrdersQuery;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers questions about orders from the {@code orders} collection. */
@Component
class OrderQueries {

    private final MongoTemplate mongo;

    OrderQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The order, or null when there is none: an {@code Optional} would not keep its type across Axon Server. */
    @QueryHandler
    OrderView handle(FindOrderQuery query) {
        OrderDocument order = mongo.findById(query.orderId(), OrderDocument.class);
        return order == null ? null : order.toView();
    }

    @QueryHandler
    OrderPage handle(FindOrdersQuery query) {
        var filters = new ArrayList<Criteria>();
        if (query.customerId() != null) {
            filters.add(where("customerId").is(query.customerId()));
        }
        if (query.status() != null) {
            filters.add(where("status").is(query.status()));
        }
        if (query.from() != null) {
            filters.add(where("placedAt").gte(query.from()));
        }
        if (query.to() != null) {
            filters.add(where("placedAt").lt(query.to()));
        }
        Query matching = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
        long total = mongo.count(matching, OrderDocument.class);
        List<OrderDocument> page = mongo.find(
                Query.of(matching)
                        .with(Sort.by(Sort.Order.desc("placedAt"), Sort.Order.asc("_id")))
                        .skip((long) query.page() * query.size())
                        .limit(query.size()),
                OrderDocument.class);
        return new OrderPage(page.stream().map(OrderDocument::toSummary).toList(), query.page(), query.size(), total);
    }

    /** The firehose starts empty; everything it carries comes as updates. */
    @QueryHandler
    OrderList handle(WatchOrdersQuery query) {
        return new OrderList(List.of());
    }
}
