package io.orderflow.api.order;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids of an order's payment and parcel follow from the order's id, so that a repeated step reaches the same
 * payment and parcel, and so that whoever knows the order can find them.
 */
public final class DerivedIds {

    private DerivedIds() {}

    public static String paymentOf(String orderId) {
        return derived("payment", orderId);
    }

    public static String shipmentOf(String orderId) {
        return derived("shipment", orderId);
    }

    private static String derived(String kind, String orderId) {
        return UUID.nameUUIDFromBytes((kind + ":" + orderId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
