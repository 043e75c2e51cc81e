package io.orderflow.api.order;

/** The states of an order's life; the last four are terminal. */
public enum OrderStatus {
    CREATED,
    AWAITING_PAYMENT,
    PAID,
    SHIPPED,
    CANCELLING,
    DELIVERED,
    REJECTED,
    CANCELLED,
    EXPIRED;

    public boolean isTerminal() {
        return this == DELIVERED || this == REJECTED || this == CANCELLED || this == EXPIRED;
    }
}
