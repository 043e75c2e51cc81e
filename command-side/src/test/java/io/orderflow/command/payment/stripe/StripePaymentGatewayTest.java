package io.orderflow.command.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.stripe.StripeClient;
import io.orderflow.api.common.Money;
import io.orderflow.command.payment.PaymentGateway;
import io.orderflow.command.payment.PaymentGateway.Authorization;
import io.orderflow.command.payment.PaymentProviderUnavailableException;
import io.orderflow.command.payment.PaymentRefusedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real stripe-java client, as the adapter drives it, against a local Stripe stub. */
class StripePaymentGatewayTest {

    private static final Money TOTAL = Money.of("19.99", "USD");
    private static final String REQUIRES_CAPTURE = """
            {"id":"pi_123","object":"payment_intent","status":"requires_capture","amount":1999,"amount_capturable":1999,
             "currency":"usd","capture_method":"manual","metadata":{"payment_id":"pay-1","order_id":"order-1"}}""";
    private static final String REQUIRES_ACTION = """
            {"id":"pi_123","object":"payment_intent","status":"requires_action","amount":1999,"currency":"usd"}""";
    private static final String SUCCEEDED = """
            {"id":"pi_123","object":"payment_intent","status":"succeeded","amount":1999,"amount_received":1999,"currency":"usd"}""";
    private static final String CANCELED = """
            {"id":"pi_123","object":"payment_intent","status":"canceled","amount":1999,"currency":"usd"}""";
    private static final String REFUND = """
            {"id":"re_1","object":"refund","status":"succeeded","amount":1999,"currency":"usd","payment_intent":"pi_123"}""";
    private static final String DECLINED = """
            {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
             "message":"Your card has insufficient funds."}}""";
    private static final String SERVER_ERROR = """
            {"error":{"type":"api_error","message":"An unknown error occurred"}}""";

    private static WireMockServer stripe;
    private static PaymentGateway gateway;

    @BeforeAll
    static void startStub() {
        stripe = new WireMockServer(wireMockConfig().dynamicPort());
        stripe.start();
        gateway = new StripePaymentGateway(StripeClient.builder()
                .setApiKey("sk_test_orderflow")
                .setApiBase("http://localhost:" + stripe.port())
                .setMaxNetworkRetries(2)
                .build());
    }

    @AfterAll
    static void stopStub() {
        stripe.stop();
    }

    @BeforeEach
    void reset() {
        stripe.resetAll();
    }

    private static PaymentGateway.AuthorizationRequest authorization() {
        return new PaymentGateway.AuthorizationRequest("pay-1", "order-1", TOTAL, "pm_card_visa", "pay-1:authorize");
    }

    @Test
    void authorizesWithAManualCapturePaymentIntent() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(okJson(REQUIRES_CAPTURE)));

        assertThat(gateway.authorize(authorization())).isEqualTo(new Authorization.Authorized("pi_123"));

        stripe.verify(
                1,
                postRequestedFor(urlEqualTo("/v1/payment_intents"))
                        .withHeader("Idempotency-Key", equalTo("pay-1:authorize"))
                        .withRequestBody(containing("capture_method=manual"))
                        .withRequestBody(containing("confirm=true"))
                        .withRequestBody(containing("amount=1999"))
                        .withRequestBody(containing("currency=usd"))
                        .withRequestBody(containing("payment_method=pm_card_visa"))
                        .withRequestBody(containing("metadata[payment_id]=pay-1"))
                        .withRequestBody(containing("metadata[order_id]=order-1")));
    }

    @Test
    void authorizationNeedingCustomerActionIsPending() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(okJson(REQUIRES_ACTION)));

        assertThat(gateway.authorize(authorization())).isEqualTo(new Authorization.ActionRequired("pi_123"));
    }

    @Test
    void cardDeclineIsABusinessOutcomeWithItsReason() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .willReturn(aResponse()
                        .withStatus(402)
                        .withHeader("Content-Type", "application/json")
                        .withBody(DECLINED)));

        assertThat(gateway.authorize(authorization()))
                .isEqualTo(new Authorization.Declined("insufficient_funds", "Your card has insufficient funds."));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents")));
    }

    @Test
    void serverErrorIsRetriedWithTheSameIdempotencyKey() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents/pi_123/capture"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(SERVER_ERROR))
                .willSetStateTo("recovered"));
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents/pi_123/capture"))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(SUCCEEDED)));

        gateway.capture("pi_123", TOTAL, "pay-1:capture");

        stripe.verify(
                2,
                postRequestedFor(urlEqualTo("/v1/payment_intents/pi_123/capture"))
                        .withHeader("Idempotency-Key", equalTo("pay-1:capture")));
    }

    @Test
    void providerStillFailingAfterRetriesIsUnavailable() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody(SERVER_ERROR)));

        assertThatThrownBy(() -> gateway.authorize(authorization()))
                .isInstanceOf(PaymentProviderUnavailableException.class);
        stripe.verify(
                3,
                postRequestedFor(urlEqualTo("/v1/payment_intents"))
                        .withHeader("Idempotency-Key", equalTo("pay-1:authorize")));
    }

    @Test
    void capturesTheAuthorizedAmount() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents/pi_123/capture")).willReturn(okJson(SUCCEEDED)));

        gateway.capture("pi_123", TOTAL, "pay-1:capture");

        stripe.verify(
                1,
                postRequestedFor(urlEqualTo("/v1/payment_intents/pi_123/capture"))
                        .withHeader("Idempotency-Key", equalTo("pay-1:capture"))
                        .withRequestBody(containing("amount_to_capture=1999")));
    }

    @Test
    void voidsByCancellingTheIntent() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents/pi_123/cancel")).willReturn(okJson(CANCELED)));

        gateway.voidAuthorization("pi_123", "pay-1:void");

        stripe.verify(
                1,
                postRequestedFor(urlEqualTo("/v1/payment_intents/pi_123/cancel"))
                        .withHeader("Idempotency-Key", equalTo("pay-1:void")));
    }

    @Test
    void refundsTheCapturedAmount() {
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(okJson(REFUND)));

        assertThat(gateway.refund("pi_123", TOTAL, "pay-1:refund")).isEqualTo("re_1");

        stripe.verify(
                1,
                postRequestedFor(urlEqualTo("/v1/refunds"))
                        .withHeader("Idempotency-Key", equalTo("pay-1:refund"))
                        .withRequestBody(containing("payment_intent=pi_123"))
                        .withRequestBody(containing("amount=1999")));
    }

    @Test
    void captureOfAnIntentInTheWrongStateIsRefused() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents/pi_123/capture"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error":{"type":"invalid_request_error","code":"payment_intent_unexpected_state",
                         "message":"This PaymentIntent could not be captured because it has a status of canceled."}}""")));

        assertThatThrownBy(() -> gateway.capture("pi_123", TOTAL, "pay-1:capture"))
                .isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("status of canceled");
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents/pi_123/capture")));
    }
}
