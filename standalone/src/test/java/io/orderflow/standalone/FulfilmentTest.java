package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * Every path of an order's life on the real embedded PostgreSQL, Kafka and MongoDB, driven over HTTP: delivered,
 * rejected for stock, declined, lost by the carrier, refused by the carrier, cancelled before and after payment. Each checks the final state, the reason, the story in the event store
 * (compensations in order), the stock levels, and what the payment provider did. 3-D Secure is {@link
 * PaymentAuthenticationTest}'s, a parcel out when the money fails {@link MoneyAndParcelTest}'s. Expiry is the saga fixture's
 * ({@code whenTimeElapses}) and {@link OrderSliceTest}'s, whose deadline outlives a restart.
 */
@ResourceLock(TestPlatform.SHARED)
class FulfilmentTest {

    private static final Duration SETTLES = Duration.ofSeconds(30);
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
    }

    @Test
    void orderIsReservedPaidShippedAndDelivered() {
        int[] before = platform.settledStock("PROD-004");

        String orderId = platform.placeOrder("[{\"productId\":\"PROD-004\",\"quantity\":3}]", "pm_card_visa", "N1 9GU");

        JsonNode order = platform.awaitStatus(orderId, SETTLES, "DELIVERED");
        assertThat(order.get("reason").isNull()).isTrue();
        // the carrier may report delivery before the capture that its pick-up started is stored
        assertThat(platform.storyOf(orderId))
                .hasSize(12)
                .containsSubsequence(
                        "OrderPlacedEvent",
                        "StockReservedEvent",
                        "OrderAwaitingPaymentEvent",
                        "PaymentAuthorizedEvent",
                        "OrderPaidEvent",
                        "ShipmentCreatedEvent",
                        "ShipmentDispatchedEvent",
                        "PaymentCapturedEvent",
                        "OrderShippedEvent",
                        "StockCommittedEvent",
                        "OrderDeliveredEvent");
        assertThat(platform.storyOf(orderId))
                .containsSubsequence("ShipmentDispatchedEvent", "ShipmentDeliveredEvent", "StockCommittedEvent");
        platform.awaitStock("PROD-004", before[0] - 3, before[1]);
        assertThat(platform.providerOperations(orderId, "authorize", "requires_capture"))
                .isEqualTo(1);
        assertThat(platform.providerOperations(orderId, "capture", "captured")).isEqualTo(1);
    }

    @Test
    void lineOutOfStockRejectsTheOrderWithEveryStockLevelBack() {
        int[] headphones = platform.settledStock("PROD-001");
        int[] webcams = platform.settledStock("PROD-006");

        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-001\",\"quantity\":1}," + "{\"productId\":\"PROD-006\",\"quantity\":"
                        + (webcams[0] + 1) + "}]",
                "pm_card_visa",
                "N1 9GU");

        JsonNode order = platform.awaitStatus(orderId, SETTLES, "REJECTED");
        assertThat(order.get("reason").asString()).startsWith("out of stock: PROD-006");
        assertThat(platform.storyOf(orderId))
                .containsExactly(
                        "OrderPlacedEvent",
                        "StockReservedEvent",
                        "StockReservationRejectedEvent",
                        "StockReleasedEvent",
                        "OrderRejectedEvent");
        platform.awaitStock("PROD-001", headphones);
        platform.awaitStock("PROD-006", webcams);
        assertThat(platform.providerOperations(orderId, "authorize", "requires_capture"))
                .isZero();
    }

    @Test
    void declinedCardCancelsTheOrderWithStockRestored() {
        int[] before = platform.settledStock("PROD-007");

        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-007\",\"quantity\":2}]", "pm_card_chargeDeclinedInsufficientFunds", "N1 9GU");

        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(order.get("reason").asString())
                .isEqualTo("payment declined (insufficient_funds): Your card has insufficient funds.");
        assertThat(platform.storyOf(orderId))
                .containsExactly(
                        "OrderPlacedEvent",
                        "StockReservedEvent",
                        "OrderAwaitingPaymentEvent",
                        "PaymentDeclinedEvent",
                        "StockReleasedEvent",
                        "OrderCancelledEvent");
        platform.awaitStock("PROD-007", before);
    }

    @Test
    void lostParcelIsRefundedThenStockReleasedThenTheOrderCancelled() {
        int[] before = platform.settledStock("PROD-005");

        String orderId = platform.placeOrder("[{\"productId\":\"PROD-005\",\"quantity\":1}]", "pm_card_visa", "00000");

        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(order.get("reason").asString()).isEqualTo("shipment failed: the parcel was lost in transit");
        assertThat(platform.storyOf(orderId))
                .containsSubsequence(
                        "ShipmentDispatchedEvent",
                        "ShipmentFailedEvent",
                        "PaymentRefundedEvent",
                        "StockReleasedEvent",
                        "OrderCancelledEvent");
        assertThat(platform.storyOf(orderId)).containsSubsequence("PaymentCapturedEvent", "PaymentRefundedEvent");
        assertThat(platform.providerOperations(orderId, "capture", "captured")).isEqualTo(1);
        assertThat(platform.providerOperations(orderId, "refund", "refunded")).isEqualTo(1);
        platform.awaitStock("PROD-005", before);
    }

    @Test
    void parcelRefusedByTheCarrierVoidsThePayment() {
        int[] before = platform.settledStock("PROD-005");

        String orderId = platform.placeOrder("[{\"productId\":\"PROD-005\",\"quantity\":1}]", "pm_card_visa", "99999");

        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(order.get("reason").asString()).startsWith("the carrier refused the parcel");
        assertThat(platform.storyOf(orderId))
                .containsSubsequence(
                        "PaymentAuthorizedEvent",
                        "ShipmentBookingRefusedEvent",
                        "PaymentVoidedEvent",
                        "StockReleasedEvent",
                        "OrderCancelledEvent");
        assertThat(platform.providerOperations(orderId, "void", "canceled")).isEqualTo(1);
        assertThat(platform.providerOperations(orderId, "capture", "captured")).isZero();
        platform.awaitStock("PROD-005", before);
    }

    @Test
    void customerCancelsWhileAwaitingPayment() {
        int[] before = platform.settledStock("PROD-008");
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-008\",\"quantity\":4}]", "pm_card_authenticationRequired", "N1 9GU");
        platform.awaitStatus(orderId, SETTLES, "AWAITING_PAYMENT");

        HttpResponse<String> cancelled = platform.post("/api/orders/" + orderId + "/cancel", "", Map.of());

        assertThat(cancelled.statusCode()).isEqualTo(202);
        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(order.get("reason").asString()).isEqualTo("cancelled by the customer");
        assertThat(platform.storyOf(orderId))
                .containsSubsequence(
                        "PaymentActionRequiredEvent",
                        "OrderCancellationRequestedEvent",
                        "PaymentVoidedEvent",
                        "StockReleasedEvent",
                        "OrderCancelledEvent");
        assertThat(platform.providerOperations(orderId, "void", "canceled")).isEqualTo(1);
        platform.awaitStock("PROD-008", before);
    }

    @Test
    void customerCancelsAfterPaymentBeforeDispatch() {
        int[] before = platform.settledStock("PROD-003");
        // the carrier picks up only when the test says so: the order waits, paid, with its parcel booked
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-003\",\"quantity\":2}]", "pm_card_visa", TestPlatform.CARRIER_REPORTS_ON_KAFKA);
        platform.awaitStatus(orderId, SETTLES, "PAID");
        platform.shipmentOf(orderId);

        HttpResponse<String> cancelled = platform.post("/api/orders/" + orderId + "/cancel", "", Map.of());

        assertThat(cancelled.statusCode()).isEqualTo(202);
        platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(platform.storyOf(orderId))
                .containsSubsequence(
                        "OrderPaidEvent",
                        "ShipmentCreatedEvent",
                        "OrderCancellationRequestedEvent",
                        "ShipmentCancelledEvent",
                        "PaymentVoidedEvent",
                        "StockReleasedEvent",
                        "OrderCancelledEvent");
        assertThat(platform.storyOf(orderId)).doesNotContain("ShipmentDispatchedEvent", "PaymentCapturedEvent");
        assertThat(platform.providerOperations(orderId, "capture", "captured")).isZero();
        platform.awaitStock("PROD-003", before);
    }

    @Test
    void deliveredOrderCannotBeCancelled() {
        String orderId = platform.placeOrder("[{\"productId\":\"PROD-004\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");
        platform.awaitStatus(orderId, SETTLES, "DELIVERED");

        HttpResponse<String> refused = platform.post("/api/orders/" + orderId + "/cancel", "", Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestPlatform.read(refused.body()).get("detail").asString())
                .contains("is DELIVERED and can no longer be cancelled; return the parcel instead");
    }

    @Test
    void operatorForcesCompensationOfAnOrderWaitingForPayment() {
        int[] before = platform.settledStock("PROD-008");
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_authenticationRequired", "N1 9GU");
        platform.awaitStatus(orderId, SETTLES, "AWAITING_PAYMENT");

        HttpResponse<String> compensating = platform.admin()
                .post(
                        "/api/admin/orders/" + orderId + "/compensate",
                        "{\"action\":\"CANCEL\",\"reason\":\"fraud check\"}",
                        Map.of());

        assertThat(compensating.statusCode()).isEqualTo(202);
        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(order.get("reason").asString()).isEqualTo("cancelled by an operator: fraud check");
        assertThat(platform.storyOf(orderId))
                .containsSubsequence(
                        "OrderCancellationRequestedEvent",
                        "PaymentVoidedEvent",
                        "StockReleasedEvent",
                        "OrderCancelledEvent");
        platform.awaitStock("PROD-008", before);
    }

    @Test
    void operatorRetryOfAPaymentWaitingForTheCustomerDoesNotAuthorizeTwice() {
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_authenticationRequired", "N1 9GU");
        platform.awaitStatus(orderId, SETTLES, "AWAITING_PAYMENT");

        HttpResponse<String> retried =
                platform.admin().post("/api/admin/orders/" + orderId + "/retry", "{\"step\":\"PAYMENT\"}", Map.of());

        assertThat(retried.statusCode()).isEqualTo(202);
        await().atMost(SETTLES).until(() -> platform.storyOf(orderId).contains("OrderStepRetryRequestedEvent"));
        assertThat(platform.jdbc()
                        .queryForObject(
                                "select count(*) from simulated_payment_intent where order_id = ?",
                                Integer.class,
                                orderId))
                .as("one intent, however often authorization is asked for")
                .isEqualTo(1);
        platform.post("/api/orders/" + orderId + "/cancel", "", Map.of());
        platform.awaitStatus(orderId, SETTLES, "CANCELLED");
    }

    @Test
    void operatorActionsOnAFinishedOrderAreConflictsAndBadActionsAreNamed() {
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-007\",\"quantity\":1}]", "pm_card_chargeDeclined", "N1 9GU");
        platform.awaitStatus(orderId, SETTLES, "CANCELLED");

        HttpResponse<String> retry =
                platform.admin().post("/api/admin/orders/" + orderId + "/retry", "{\"step\":\"PAYMENT\"}", Map.of());
        HttpResponse<String> compensate = platform.admin()
                .post("/api/admin/orders/" + orderId + "/compensate", "{\"action\":\"CANCEL\"}", Map.of());
        HttpResponse<String> unknownStep =
                platform.admin().post("/api/admin/orders/" + orderId + "/retry", "{\"step\":\"TELEPORT\"}", Map.of());
        HttpResponse<String> noAction =
                platform.admin().post("/api/admin/orders/" + orderId + "/compensate", "{}", Map.of());

        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(compensate.statusCode()).isEqualTo(409);
        assertThat(unknownStep.statusCode()).isEqualTo(400);
        assertThat(TestPlatform.read(unknownStep.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("step");
        assertThat(noAction.statusCode()).isEqualTo(400);
        assertThat(TestPlatform.read(noAction.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("action");
    }

    @Test
    void cancellingAnUnknownOrderIsNotFound() {
        assertThat(platform.post("/api/orders/" + UUID.randomUUID() + "/cancel", "", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }
}
