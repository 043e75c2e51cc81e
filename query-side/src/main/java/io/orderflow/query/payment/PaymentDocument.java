package io.orderflow.query.payment;

import io.orderflow.api.common.Money;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The read model of one payment, keyed by payment id. */
@Document("payments")
record PaymentDocument(
        @Id String paymentId,
        String orderId,
        String status,
        Money amount,
        String providerPaymentId,
        String declineCode,
        String reason,
        String providerRefundId,
        Instant updatedAt) {}
