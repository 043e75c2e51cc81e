package io.orderflow.query.order;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * Handles all events about one order one after another, in the order they were stored, whichever aggregate (order,
 * payment, shipment, product) they come from; other events follow their aggregate. An order's document is then
 * built in the same order live and in a replay, and a failing event holds back only its own order.
 */
public class OrderSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private static final ClassValue<Optional<Method>> ORDER_ID = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? Optional.empty() : Arrays.stream(components)
                    .filter(component -> component.getName().equals("orderId"))
                    .map(RecordComponent::getAccessor)
                    .findFirst();
        }
    };

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        return ORDER_ID.get(payload.getClass())
                .map(accessor -> invoke(accessor, payload))
                .orElseGet(() -> SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event));
    }

    private static Object invoke(Method accessor, Object payload) {
        try {
            return accessor.invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the order id of " + payload.getClass().getSimpleName(), e);
        }
    }
}
