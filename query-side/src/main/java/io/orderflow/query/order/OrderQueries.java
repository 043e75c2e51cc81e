package io.orderflow.query.order;

import io.orderflow.api.order.FindOrderQuery;
import io.orderflow.api.order.OrderView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers questions about orders from the {@code orders} collection. */
@Component
class OrderQueries {

    private final OrderRepository orders;

    OrderQueries(OrderRepository orders) {
        this.orders = orders;
    }

    @QueryHandler
    Optional<OrderView> handle(FindOrderQuery query) {
        return orders.findById(query.orderId()).map(OrderDocument::toView);
    }
}
