package io.orderflow.api.order;

/** The steps of fulfilment an operator can retry. */
public enum FulfilmentStep {
    RESERVATION,
    PAYMENT,
    SHIPMENT
}
