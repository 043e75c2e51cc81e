package io.orderflow.api.shipping;

/** What calling off a parcel ({@link CancelShipmentCommand}) came to. */
public enum ParcelCallOff {
    /** The booking was cancelled before pick-up: no parcel left the warehouse. */
    CANCELLED,
    /** The carrier had the parcel and is bringing it back; its report of the return follows. */
    RETURN_REQUESTED,
    /** The carrier had the parcel and cannot bring it back. */
    RETURN_REFUSED,
    /** Nothing to call off: the parcel was never booked, or its story has already ended. */
    NOTHING
}
