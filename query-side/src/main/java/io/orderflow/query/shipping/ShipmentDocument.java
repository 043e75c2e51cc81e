package io.orderflow.query.shipping;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The read model of one parcel, keyed by shipment id. */
@Document("shipments")
public record ShipmentDocument(
        @Id String shipmentId,
        String orderId,
        String status,
        String carrier,
        String trackingNumber,
        String reason,
        Instant updatedAt) {

    /** A parcel whose first event is about to be applied. */
    static ShipmentDocument of(String shipmentId) {
        return new ShipmentDocument(shipmentId, null, null, null, null, null, null);
    }

    /** The fields every shipment event sets. */
    ShipmentDocument changed(String newOrderId, String newStatus, Instant at) {
        return new ShipmentDocument(shipmentId, newOrderId, newStatus, carrier, trackingNumber, reason, at);
    }

    ShipmentDocument withCarrier(String newCarrier, String newTrackingNumber) {
        return new ShipmentDocument(shipmentId, orderId, status, newCarrier, newTrackingNumber, reason, updatedAt);
    }

    ShipmentDocument withReason(String newReason) {
        return new ShipmentDocument(shipmentId, orderId, status, carrier, trackingNumber, newReason, updatedAt);
    }
}
