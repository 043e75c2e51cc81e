package io.orderflow.api.operations;

import io.orderflow.api.common.Nullable;
import java.time.Instant;

/**
 * One parked sequence of a projection: the events of one order (or product) held back behind the first one that
 * failed.
 *
 * @param projection the processing group
 * @param sequence   what the events share (an order id, or a product id)
 * @param events     how many events are parked in it
 * @param eventId    the first parked event
 * @param eventType  its type
 * @param cause      why it failed
 * @param enqueuedAt when it was parked
 * @param lastTouched when it was last tried
 */
public record DeadLetterView(
        String projection,
        String sequence,
        int events,
        String eventId,
        String eventType,
        @Nullable String cause,
        Instant enqueuedAt,
        Instant lastTouched) {}
