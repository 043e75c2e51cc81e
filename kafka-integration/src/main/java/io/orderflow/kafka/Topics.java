package io.orderflow.kafka;

import java.util.List;

/** The Kafka topics of OrderFlow's public contract. A topic's name carries its major version. */
public final class Topics {

    /** Orders: placed, paid, shipped, delivered, and every way one ends. */
    public static final String ORDERS = "orderflow.orders.v1";
    /** Inventory: products and stock reserved, released and committed per order. */
    public static final String INVENTORY = "orderflow.inventory.v1";
    /** Payments: authorized, captured, declined, voided, refunded. */
    public static final String PAYMENTS = "orderflow.payments.v1";
    /** Shipping: parcels booked, dispatched, delivered, failed, cancelled. */
    public static final String SHIPPING = "orderflow.shipping.v1";
    /** History republished on an operator's request, every event flagged as a replay. */
    public static final String ORDERS_REPLAY = "orderflow.orders.replay.v1";
    /** In: what carriers report about parcels. */
    public static final String CARRIER_UPDATES = "orderflow.carrier-updates.v1";
    /** Carrier updates that could not be read or applied, with the reason in their headers. */
    public static final String CARRIER_UPDATES_DLT = CARRIER_UPDATES + ".dlt";

    public static final List<String> OUTBOUND = List.of(ORDERS, INVENTORY, PAYMENTS, SHIPPING);
    public static final List<String> ALL =
            List.of(ORDERS, INVENTORY, PAYMENTS, SHIPPING, ORDERS_REPLAY, CARRIER_UPDATES, CARRIER_UPDATES_DLT);

    private Topics() {}
}
