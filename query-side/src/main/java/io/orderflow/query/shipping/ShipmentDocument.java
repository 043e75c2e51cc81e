package io.orderflow.query.shipping;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The read model of one parcel, keyed by shipment id. */
@Document("shipments")
record ShipmentDocument(
        @Id String shipmentId,
        String orderId,
        String status,
        String carrier,
        String trackingNumber,
        String reason,
        Instant updatedAt) {}
