package io.orderflow.query.order;

import io.orderflow.api.order.OrderEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Handles all events about one order one after another, in the order they were stored, whichever aggregate (order,
 * payment, shipment, product) they come from; other events follow their aggregate. An order's document is then
 * built in the same order live and in a replay, and a failing event holds back only its own order.
 */
public class OrderSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return event.getPayload() instanceof OrderEvent about
                ? about.orderId()
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
