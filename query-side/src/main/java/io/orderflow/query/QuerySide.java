package io.orderflow.query;

import java.util.List;

/**
 * Marks the root package of the query side: the MongoDB read models and the query handlers over them. The names of
 * its projections (their processing groups) and of the one event processor that runs them all are written here once;
 * {@code application.yml} configures each under the same name, which {@code ProcessorNamesTest} holds to.
 */
public final class QuerySide {

    /**
     * The tracking processor that runs every projection: the events are read, and a batch's position stored, once for
     * all five (0.92x the CPU per order of a processor each, docs/benchmark.md). Each projection keeps its own
     * sequencing policy and dead-letter queue, and can still be rebuilt on its own ({@link Projection}).
     */
    public static final String READ_MODELS = "read-models";

    public static final String ORDER_PROJECTION = "order-projection";
    public static final String INVENTORY_PROJECTION = "inventory-projection";
    public static final String TIMELINE_PROJECTION = "order-timeline-projection";
    public static final String PAYMENT_PROJECTION = "payment-projection";
    public static final String SHIPMENT_PROJECTION = "shipment-projection";
    /** The processing groups whose read models can be rebuilt by replaying the event store. */
    public static final List<String> PROJECTIONS = List.of(
            ORDER_PROJECTION, INVENTORY_PROJECTION, TIMELINE_PROJECTION, PAYMENT_PROJECTION, SHIPMENT_PROJECTION);

    private QuerySide() {}
}
