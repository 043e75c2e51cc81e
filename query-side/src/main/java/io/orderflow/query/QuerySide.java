package io.orderflow.query;

import java.util.List;

/**
 * Marks the root package of the query side: the MongoDB read models and the query handlers over them. The names of
 * its projections (their processing groups) are written here once; {@code application.yml} configures each under the
 * same name, which {@code ProcessorNamesTest} holds to.
 */
public final class QuerySide {

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
