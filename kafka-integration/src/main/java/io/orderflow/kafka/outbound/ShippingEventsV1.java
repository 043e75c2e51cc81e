package io.orderflow.kafka.outbound;

/** The public payloads of {@code orderflow.shipping.v1}: no address. */
public final class ShippingEventsV1 {

    private ShippingEventsV1() {}

    /** Booked with the carrier, or picked up by it. */
    public record Tracked(String shipmentId, String orderId, String carrier, String trackingNumber) {}

    public record Delivered(String shipmentId, String orderId) {}

    /** A called-back parcel came back. */
    public record Returned(String shipmentId, String orderId) {}

    /**
     * Refused at booking, failed on the way, cancelled before pick-up, called back, or not brought back, and why.
     */
    public record Reasoned(String shipmentId, String orderId, String reason) {}
}
