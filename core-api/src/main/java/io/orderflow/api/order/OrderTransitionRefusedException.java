package io.orderflow.api.order;

import io.orderflow.api.common.CommandRefusedException;

/** An order asked for a step its status does not allow; the message says why and what can be done instead. */
public class OrderTransitionRefusedException extends CommandRefusedException {

    private final String orderId;
    private final OrderStatus status;

    public OrderTransitionRefusedException(String orderId, OrderStatus status, String message) {
        super(message);
        this.orderId = orderId;
        this.status = status;
    }

    public String orderId() {
        return orderId;
    }

    /** The status the order was in when it refused. */
    public OrderStatus status() {
        return status;
    }
}
