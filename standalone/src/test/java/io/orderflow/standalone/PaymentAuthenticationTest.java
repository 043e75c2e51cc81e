package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.Stripe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * Payments that wait for the customer's 3-D Secure authentication ({@code pm_card_authenticationRequired}), on the
 * shared platform with the simulated provider: completed or failed on the provider's test authentication page, or
 * reported by signed Stripe webhooks in any order, each answer saying whether it changed the payment, and the
 * simulated intent taking the state a signed webhook reports so that the later capture goes through.
 */
@ResourceLock(TestPlatform.SHARED)
class PaymentAuthenticationTest {

    private static final Duration SETTLES = Duration.ofSeconds(30);
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
    }

    @Test
    void customerCompletesTheAuthenticationOnTheProvidersPageAndTheOrderIsDelivered() {
        String orderId = waitingForTheCustomer();

        HttpResponse<String> page = platform.anonymous().get(authentication(orderId));
        HttpResponse<String> completed =
                platform.anonymous().post(authentication(orderId) + "?outcome=COMPLETE", "", Map.of());
        HttpResponse<String> again =
                platform.anonymous().post(authentication(orderId) + "?outcome=COMPLETE", "", Map.of());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Complete authentication", "Fail authentication", orderId);
        assertThat(completed.statusCode()).isEqualTo(200);
        JsonNode result = TestPlatform.read(completed.body());
        assertThat(result.get("intentStatus").asString()).isEqualTo("requires_capture");
        assertThat(result.get("changed").asBoolean()).isTrue();
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TestPlatform.read(again.body()).get("detail").asString())
                .contains("does not wait for the customer's authentication");
        platform.awaitStatus(orderId, SETTLES, "DELIVERED");
        assertThat(platform.providerOperations(orderId, "capture", "captured")).isEqualTo(1);
    }

    @Test
    void failedAuthenticationCancelsTheOrderWithTheProvidersReason() {
        String orderId = waitingForTheCustomer();

        HttpResponse<String> failed =
                platform.anonymous().post(authentication(orderId) + "?outcome=FAIL", "", Map.of());
        HttpResponse<String> unknownOutcome =
                platform.anonymous().post(authentication(orderId) + "?outcome=MAYBE", "", Map.of());

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(TestPlatform.read(failed.body()).get("intentStatus").asString())
                .isEqualTo("requires_payment_method");
        assertThat(unknownOutcome.statusCode()).isEqualTo(400);
        assertThat(TestPlatform.read(unknownOutcome.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("outcome");
        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(order.get("reason").asString())
                .startsWith("payment declined (payment_intent_authentication_failure)");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("DECLINED");
        assertThat(platform.providerOperations(orderId, "capture", "captured")).isZero();
    }

    @Test
    void pageOfAnOrderTheProviderDoesNotKnowIsNotFound() {
        assertThat(platform.anonymous()
                        .post(authentication("no-such-order") + "?outcome=COMPLETE", "", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void signedAuthorizationWebhookIsTheProvidersWordAndTheCaptureGoesThrough() {
        String orderId = waitingForTheCustomer();
        String event = stripeEvent(orderId, "payment_intent.amount_capturable_updated", "requires_capture");

        HttpResponse<String> forged = webhook(event, "whsec_somebody_else");
        HttpResponse<String> unsigned = platform.post("/api/webhooks/stripe", event, Map.of());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(TestPlatform.read(forged.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("Stripe-Signature");
        assertThat(platform.storyOf(orderId)).doesNotContain("PaymentAuthorizedEvent");

        HttpResponse<String> signed = webhook(event, TestPlatform.WEBHOOK_SECRET);
        HttpResponse<String> redelivered = webhook(event, TestPlatform.WEBHOOK_SECRET);

        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(TestPlatform.read(signed.body()).get("changed").asBoolean()).isTrue();
        assertThat(TestPlatform.read(signed.body()).get("outcome").asString()).isEqualTo("AUTHORIZED");
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(TestPlatform.read(redelivered.body()).get("changed").asBoolean())
                .isFalse();
        platform.awaitStatus(orderId, SETTLES, "DELIVERED");
        assertThat(platform.storyOf(orderId).stream().filter("PaymentAuthorizedEvent"::equals))
                .hasSize(1);
        assertThat(platform.providerOperations(orderId, "capture", "captured")).isEqualTo(1);
    }

    @Test
    void captureReportedBeforeTheAuthorizationShipsWithoutASecondCapture() {
        String orderId = waitingForTheCustomer();

        HttpResponse<String> succeeded =
                webhook(stripeEvent(orderId, "payment_intent.succeeded", "succeeded"), TestPlatform.WEBHOOK_SECRET);
        platform.awaitStatus(orderId, SETTLES, "DELIVERED");
        HttpResponse<String> late = webhook(
                stripeEvent(orderId, "payment_intent.amount_capturable_updated", "requires_capture"),
                TestPlatform.WEBHOOK_SECRET);

        assertThat(TestPlatform.read(succeeded.body()).get("changed").asBoolean())
                .isTrue();
        assertThat(TestPlatform.read(late.body()).get("changed").asBoolean()).isFalse();
        assertThat(platform.storyOf(orderId))
                .containsSubsequence("PaymentAuthorizedEvent", "PaymentCapturedEvent", "OrderShippedEvent")
                .containsOnlyOnce("PaymentCapturedEvent");
        assertThat(platform.providerOperations(orderId, "capture", "captured"))
                .as("the provider took the money itself")
                .isZero();
    }

    @Test
    void paymentCancelledAtTheProviderCancelsTheOrderAndALateAuthorizationChangesNothing() {
        String orderId = waitingForTheCustomer();

        HttpResponse<String> canceled =
                webhook(stripeEvent(orderId, "payment_intent.canceled", "canceled"), TestPlatform.WEBHOOK_SECRET);
        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        HttpResponse<String> late = webhook(
                stripeEvent(orderId, "payment_intent.amount_capturable_updated", "requires_capture"),
                TestPlatform.WEBHOOK_SECRET);

        assertThat(TestPlatform.read(canceled.body()).get("changed").asBoolean())
                .isTrue();
        assertThat(order.get("reason").asString()).isEqualTo("the payment was cancelled at the provider");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("VOIDED");
        assertThat(TestPlatform.read(late.body()).get("changed").asBoolean()).isFalse();
        assertThat(platform.storyOf(orderId)).doesNotContain("PaymentAuthorizedEvent");
    }

    @Test
    void failureReportedByWebhookDeclinesThePayment() {
        String orderId = waitingForTheCustomer();

        HttpResponse<String> failed = webhook(
                stripeEvent(orderId, "payment_intent.payment_failed", "requires_payment_method"),
                TestPlatform.WEBHOOK_SECRET);

        assertThat(TestPlatform.read(failed.body()).get("outcome").asString()).isEqualTo("DECLINED");
        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("DECLINED");
        assertThat(platform.jdbc()
                        .queryForObject(
                                "select status from simulated_payment_intent where order_id = ?",
                                String.class,
                                orderId))
                .isEqualTo("requires_payment_method");
    }

    @Test
    void eventsThatAreNotAboutAnOrderFlowPaymentAreAcknowledgedAndChangeNothing() {
        String event = """
                {"id":"evt_other","object":"event","api_version":"%s","created":%d,"livemode":false,
                 "type":"charge.refunded","data":{"object":{"id":"ch_1","object":"charge"}}}""".formatted(Stripe.API_VERSION, System.currentTimeMillis() / 1000);

        HttpResponse<String> answer = webhook(event, TestPlatform.WEBHOOK_SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode receipt = TestPlatform.read(answer.body());
        assertThat(receipt.get("received").asString()).isEqualTo("evt_other");
        assertThat(receipt.get("outcome").isNull()).isTrue();
        assertThat(receipt.get("changed").asBoolean()).isFalse();
    }

    private static String waitingForTheCustomer() {
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-001\",\"quantity\":1}]", "pm_card_authenticationRequired", "N1 9GU");
        platform.awaitStatus(orderId, SETTLES, "AWAITING_PAYMENT");
        await().atMost(SETTLES)
                .until(() -> "ACTION_REQUIRED"
                        .equals(platform.order(orderId).path("paymentStatus").asString(null)));
        return orderId;
    }

    private static String authentication(String orderId) {
        return "/simulated-provider/orders/" + orderId + "/authentication";
    }

    private static HttpResponse<String> webhook(String event, String secret) {
        return platform.post(
                "/api/webhooks/stripe", event, Map.of("Stripe-Signature", TestPlatform.stripeSignature(event, secret)));
    }

    /** A Stripe event about the order's intent, as Stripe would send it for a manual-capture payment intent. */
    private static String stripeEvent(String orderId, String type, String intentStatus) {
        Map<String, Object> intent = platform.jdbc()
                .queryForMap("select id, payment_id from simulated_payment_intent where order_id = ?", orderId);
        return """
                {"id":"evt_%s_%s","object":"event","api_version":"%s","created":%d,"livemode":false,"type":"%s",
                 "data":{"object":{"id":"%s","object":"payment_intent","status":"%s","amount":7999,
                 "capture_method":"manual","currency":"usd","metadata":{"payment_id":"%s","order_id":"%s"}}}}""".formatted(
                        intent.get("id"),
                        type,
                        Stripe.API_VERSION,
                        System.currentTimeMillis() / 1000,
                        type,
                        intent.get("id"),
                        intentStatus,
                        intent.get("payment_id"),
                        orderId);
    }
}
