package io.orderflow.query.timeline;

import io.orderflow.api.order.TimelineEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One event of an order, keyed by the event's id (so a replayed event overwrites itself), with its position in the
 * event store to keep the order of events exact even within one millisecond.
 */
@Document("order_timeline")
record TimelineDocument(@Id String eventId, String orderId, long position, String type, Instant occurredAt,
                        String description) {

    TimelineEntry toEntry() {
        return new TimelineEntry(eventId, type, occurredAt, description);
    }
}
