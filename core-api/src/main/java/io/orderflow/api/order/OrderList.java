package io.orderflow.api.order;

import java.util.List;

/** Orders, as the firehose's subscription starts with (none: it carries changes only). A record, not a bare list, so that the answer keeps its element type across Axon Server. */
public record OrderList(List<OrderView> orders) {

    public OrderList {
        orders = List.copyOf(orders);
    }
}
