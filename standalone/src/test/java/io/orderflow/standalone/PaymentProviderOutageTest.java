package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.order.DerivedIds;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stripe away for a minute while customers order, with the real {@code stripe-java} client against a local stub
 * ({@link StripeStub}): 30 s answering 503, then 30 s not answering at all. The orders wait in {@code
 * AWAITING_PAYMENT}, the saga retrying each payment with growing pauses, and go on by themselves once Stripe is
 * back; each payment is authorized once (the same idempotency key on every attempt) and none is lost. The client is
 * set to give up quickly here (no retries of its own, 1 s timeouts), so the outage is long against what it tolerates.
 */
class PaymentProviderOutageTest {

    private static final Duration OUTAGE_HALF = Duration.ofSeconds(30);

    private static StripeStub stripe;
    private static TestPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        stripe = new StripeStub();
        platform = TestPlatform.start(
                Files.createTempDirectory("orderflow-stripe-outage"),
                "--orderflow.stripe.api-key=sk_test_orderflow_outage",
                "--orderflow.stripe.api-base=" + stripe.url(),
                "--orderflow.stripe.max-network-retries=0",
                "--orderflow.stripe.connect-timeout=1s",
                "--orderflow.stripe.read-timeout=1s",
                "--orderflow.carrier.simulated.dispatch-delay=0s",
                "--orderflow.carrier.simulated.delivery-delay=0s");
    }

    @AfterAll
    static void stop() {
        platform.close();
        stripe.close();
    }

    @Test
    void ordersPlacedWhileStripeIsAwayWaitThenGoOnByThemselvesEachAuthorizedOnce() throws Exception {
        String before = place();
        platform.awaitStatus(before, Duration.ofSeconds(30), "DELIVERED");

        stripe.unavailable();
        List<String> orders = new ArrayList<>();
        orders.add(place());
        orders.add(place());
        Thread.sleep(OUTAGE_HALF.toMillis());
        stripe.silent();
        orders.add(place());
        orders.add(place());
        Thread.sleep(OUTAGE_HALF.toMillis());
        for (String orderId : orders) {
            assertThat(platform.order(orderId).get("status").asString())
                    .as("order %s while Stripe is away", orderId)
                    .isEqualTo("AWAITING_PAYMENT");
        }
        int refused = stripe.refusedCalls();
        stripe.up();

        for (String orderId : orders) {
            platform.awaitStatus(orderId, Duration.ofSeconds(90), "DELIVERED");
        }
        assertThat(refused).as("attempts Stripe refused or left unanswered").isGreaterThanOrEqualTo(orders.size());
        for (String orderId : orders) {
            assertThat(stripe.intentsOf(DerivedIds.paymentOf(orderId)))
                    .as("intents of order %s", orderId)
                    .isEqualTo(1);
            assertThat(platform.storyOf(orderId))
                    .contains("PaymentAuthorizationFailedEvent")
                    .containsOnlyOnce("PaymentAuthorizedEvent", "PaymentCapturedEvent");
        }
    }

    private static String place() {
        return platform.placeOrder("[{\"productId\":\"PROD-003\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");
    }
}
