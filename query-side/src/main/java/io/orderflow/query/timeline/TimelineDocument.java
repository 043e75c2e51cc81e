package io.orderflow.query.timeline;

import io.orderflow.api.order.TimelineEntry;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event of an order, keyed by the event's id (so a replayed event overwrites itself). Entries are ordered by
 * time, then by the event's step in an order's life (events of one transaction often share a millisecond), then by
 * id: an order that follows from the events alone, the same live and in a replay.
 */
@Document("order_timeline")
record TimelineDocument(
        @Id String eventId, String orderId, Instant occurredAt, int step, String type, String description) {

    TimelineEntry toEntry() {
        return new TimelineEntry(eventId, type, occurredAt, description);
    }
}
