package io.orderflow.query.payment;

import io.orderflow.api.common.Money;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The read model of one payment, keyed by payment id. */
@Document("payments")
public record PaymentDocument(
        @Id String paymentId,
        String orderId,
        String status,
        Money amount,
        String providerPaymentId,
        String declineCode,
        String reason,
        String providerRefundId,
        Instant updatedAt) {

    /** A payment whose first event is about to be applied. */
    static PaymentDocument of(String paymentId) {
        return new PaymentDocument(paymentId, null, null, null, null, null, null, null, null);
    }

    /** The fields every payment event sets. */
    PaymentDocument changed(String newOrderId, String newStatus, Instant at) {
        return new PaymentDocument(
                paymentId, newOrderId, newStatus, amount, providerPaymentId, declineCode, reason, providerRefundId, at);
    }

    PaymentDocument withAmount(Money newAmount) {
        return new PaymentDocument(
                paymentId,
                orderId,
                status,
                newAmount,
                providerPaymentId,
                declineCode,
                reason,
                providerRefundId,
                updatedAt);
    }

    PaymentDocument withProviderPaymentId(String newProviderPaymentId) {
        return new PaymentDocument(
                paymentId,
                orderId,
                status,
                amount,
                newProviderPaymentId,
                declineCode,
                reason,
                providerRefundId,
                updatedAt);
    }

    PaymentDocument withDeclineCode(String newDeclineCode) {
        return new PaymentDocument(
                paymentId,
                orderId,
                status,
                amount,
                providerPaymentId,
                newDeclineCode,
                reason,
                providerRefundId,
                updatedAt);
    }

    PaymentDocument withReason(String newReason) {
        return new PaymentDocument(
                paymentId,
                orderId,
                status,
                amount,
                providerPaymentId,
                declineCode,
                newReason,
                providerRefundId,
                updatedAt);
    }

    PaymentDocument withProviderRefundId(String newProviderRefundId) {
        return new PaymentDocument(
                paymentId,
                orderId,
                status,
                amount,
                providerPaymentId,
                declineCode,
                reason,
                newProviderRefundId,
                updatedAt);
    }
}
