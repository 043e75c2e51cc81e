package io.orderflow.api.order;

/**
 * An event about one order, whichever aggregate it comes from: the order itself, the stock reserved for it, its
 * payment or its parcel. Its order id is what the order's read model, its timeline and its integration events are
 * kept by.
 */
public interface OrderEvent {

    String orderId();
}
