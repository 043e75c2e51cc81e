package io.orderflow.query;

/** Marks the root package of the query side: the MongoDB read models and the query handlers over them. */
public final class QuerySide {

    public static final String ORDER_PROJECTION = "order-projection";
    public static final String CATALOG_PROJECTION = "catalog-projection";
    public static final String TIMELINE_PROJECTION = "order-timeline-projection";
    public static final String PAYMENT_PROJECTION = "payment-projection";
    public static final String SHIPMENT_PROJECTION = "shipment-projection";
    /** The processing groups whose read models can be rebuilt by replaying the event store. */
    public static final java.util.List<String> PROJECTIONS = java.util.List.of(ORDER_PROJECTION, CATALOG_PROJECTION,
            TIMELINE_PROJECTION, PAYMENT_PROJECTION, SHIPMENT_PROJECTION);

    private QuerySide() {
    }
}
