package io.orderflow.query.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes the read models' queries need, created before the projections start: order pages by customer, status
 * and time, and each order's timeline in event order. Creating an index that exists is a no-op.
 */
class ReadModelIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    ReadModelIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var orders = mongo.indexOps("orders");
        orders.createIndex(new Index()
                .on("placedAt", Sort.Direction.DESC)
                .on("_id", Sort.Direction.ASC)
                .named("orders_by_time"));
        orders.createIndex(new Index()
                .on("status", Sort.Direction.ASC)
                .on("placedAt", Sort.Direction.DESC)
                .named("orders_by_status"));
        orders.createIndex(new Index()
                .on("customerId", Sort.Direction.ASC)
                .on("placedAt", Sort.Direction.DESC)
                .named("orders_by_customer"));
        mongo.indexOps("order_timeline")
                .createIndex(new Index()
                        .on("orderId", Sort.Direction.ASC)
                        .on("occurredAt", Sort.Direction.ASC)
                        .named("timeline_by_order"));
    }
}
