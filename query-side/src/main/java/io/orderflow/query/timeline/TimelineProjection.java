package io.orderflow.query.timeline;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.orderflow.api.order.FindOrderTimelineQuery;
import io.orderflow.api.order.OrderTimeline;
import io.orderflow.query.Projection;
import io.orderflow.query.QuerySide;
import io.orderflow.query.config.ReadModelBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The timeline of every order ({@code order_timeline}): one document per event of the order, its stock, payment
 * and parcel, with a sentence a person can read, answered in the order the events were stored.
 */
@Component
@ProcessingGroup(QuerySide.TIMELINE_PROJECTION)
class TimelineProjection extends Projection {

    private final MongoTemplate mongo;
    private final TimelineDescriptions descriptions = new TimelineDescriptions();

    TimelineProjection(MongoTemplate mongo) {
        super(mongo, TimelineDocument.class);
        this.mongo = mongo;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        descriptions
                .describe(event)
                .ifPresent(described -> ReadModelBatch.current(mongo)
                        .save(new TimelineDocument(
                                message.getIdentifier(),
                                described.orderId(),
                                message.getTimestamp(),
                                described.step(),
                                simpleType(event),
                                described.description())));
    }

    @QueryHandler
    OrderTimeline handle(FindOrderTimelineQuery query) {
        return new OrderTimeline(mongo
                .find(
                        query(where("orderId").is(query.orderId())).with(Sort.by("occurredAt", "step", "_id")),
                        TimelineDocument.class)
                .stream()
                .map(TimelineDocument::toEntry)
                .toList());
    }

    private static String simpleType(Object event) {
        return event.getClass().getSimpleName().replaceFirst("Event$", "");
    }
}
