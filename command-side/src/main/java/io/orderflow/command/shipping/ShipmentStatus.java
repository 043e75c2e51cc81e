package io.orderflow.command.shipping;

/** Where a parcel stands. */
enum ShipmentStatus {
    REFUSED,
    CREATED,
    DISPATCHED,
    DELIVERED,
    FAILED,
    CANCELLED,
    RETURN_REQUESTED,
    RETURNED,
    RETURN_REFUSED
}
