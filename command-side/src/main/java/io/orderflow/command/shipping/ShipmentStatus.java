package io.orderflow.command.shipping;

/** Where a parcel stands. */
enum ShipmentStatus {
    REFUSED,
    CREATED,
    DISPATCHED,
    DELIVERED,
    FAILED,
    CANCELLED
}
