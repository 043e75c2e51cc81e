package io.orderflow.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.common.Money;
import io.orderflow.api.payment.AuthorizePaymentCommand;
import io.orderflow.api.payment.CapturePaymentCommand;
import io.orderflow.api.payment.PaymentActionRequiredEvent;
import io.orderflow.api.payment.PaymentAuthorizationFailedEvent;
import io.orderflow.api.payment.PaymentAuthorizedEvent;
import io.orderflow.api.payment.PaymentCaptureFailedEvent;
import io.orderflow.api.payment.PaymentCapturedEvent;
import io.orderflow.api.payment.PaymentDeclinedEvent;
import io.orderflow.api.payment.PaymentOutcome;
import io.orderflow.api.payment.PaymentRefundedEvent;
import io.orderflow.api.payment.PaymentVoidedEvent;
import io.orderflow.api.payment.RecordPaymentOutcomeCommand;
import io.orderflow.api.payment.ReversePaymentCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Money TOTAL = Money.of("194.97", "USD");
    private static final AuthorizePaymentCommand AUTHORIZE =
            new AuthorizePaymentCommand("pay-1", "order-1", TOTAL, "pm_card_visa");
    private static final PaymentAuthorizedEvent AUTHORIZED =
            new PaymentAuthorizedEvent("pay-1", "order-1", TOTAL, "pi_1");
    private static final PaymentCapturedEvent CAPTURED = new PaymentCapturedEvent("pay-1", "order-1", TOTAL);

    private final ScriptedPaymentGateway gateway = new ScriptedPaymentGateway();
    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(gateway);
    }

    @Test
    void authorizesWithAnIdempotencyKeyDerivedFromThePayment() {
        fixture.givenNoPriorActivity().when(AUTHORIZE).expectEvents(AUTHORIZED);
        assertThat(gateway.calls).containsExactly("authorize pay-1:authorize");
    }

    @Test
    void declinedCardIsAnEventNotAnError() {
        gateway.authorization =
                new PaymentGateway.Authorization.Declined("insufficient_funds", "Your card has insufficient funds.");
        fixture.givenNoPriorActivity()
                .when(AUTHORIZE)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PaymentDeclinedEvent(
                        "pay-1", "order-1", "insufficient_funds", "Your card has insufficient funds."));
    }

    @Test
    void customerActionLeavesThePaymentPending() {
        gateway.authorization = new PaymentGateway.Authorization.ActionRequired("pi_1");
        fixture.givenNoPriorActivity()
                .when(AUTHORIZE)
                .expectEvents(new PaymentActionRequiredEvent("pay-1", "order-1", TOTAL, "pi_1"));
    }

    @Test
    void unreachableProviderIsRecordedForALaterRetry() {
        gateway.failure = new PaymentProviderUnavailableException("Stripe did not answer", null);
        fixture.givenNoPriorActivity()
                .when(AUTHORIZE)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PaymentAuthorizationFailedEvent("pay-1", "order-1", TOTAL, "Stripe did not answer"));
    }

    @Test
    void retryAfterAnOutageUsesTheSameIdempotencyKey() {
        fixture.given(new PaymentAuthorizationFailedEvent("pay-1", "order-1", TOTAL, "Stripe did not answer"))
                .when(AUTHORIZE)
                .expectEvents(AUTHORIZED);
        assertThat(gateway.calls).containsExactly("authorize pay-1:authorize");
    }

    @Test
    void repeatedAuthorizationOfAnAuthorizedPaymentDoesNotCallTheProvider() {
        fixture.given(AUTHORIZED).when(AUTHORIZE).expectNoEvents();
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void repeatedAuthorizationOfADeclinedPaymentIsNoOp() {
        fixture.given(new PaymentDeclinedEvent("pay-1", "order-1", "card_declined", "declined"))
                .when(AUTHORIZE)
                .expectNoEvents();
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void refusesPaymentWithoutPositiveAmount() {
        fixture.givenNoPriorActivity()
                .when(new AuthorizePaymentCommand("pay-1", "order-1", Money.zero("USD"), "pm_card_visa"))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void capturesAnAuthorizedPayment() {
        fixture.given(AUTHORIZED).when(new CapturePaymentCommand("pay-1")).expectEvents(CAPTURED);
        assertThat(gateway.calls).containsExactly("capture pi_1 pay-1:capture");
    }

    @Test
    void repeatedCaptureIsNoOp() {
        fixture.given(AUTHORIZED, CAPTURED)
                .when(new CapturePaymentCommand("pay-1"))
                .expectNoEvents();
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void captureRefusedByTheProviderIsAnEvent() {
        gateway.failure = new PaymentRefusedException("This PaymentIntent has a status of canceled");
        fixture.given(AUTHORIZED)
                .when(new CapturePaymentCommand("pay-1"))
                .expectEvents(new PaymentCaptureFailedEvent(
                        "pay-1", "order-1", "This PaymentIntent has a status of canceled"));
    }

    @Test
    void captureDuringAnOutageFailsSoThatItIsRetried() {
        gateway.failure = new PaymentProviderUnavailableException("Stripe did not capture in time", null);
        fixture.given(AUTHORIZED)
                .when(new CapturePaymentCommand("pay-1"))
                .expectException(PaymentProviderUnavailableException.class)
                .expectNoEvents();
    }

    @Test
    void captureOfAVoidedPaymentFails() {
        fixture.given(AUTHORIZED, new PaymentVoidedEvent("pay-1", "order-1", "cancelled"))
                .when(new CapturePaymentCommand("pay-1"))
                .expectEvents(
                        new PaymentCaptureFailedEvent("pay-1", "order-1", "the payment is VOIDED, not authorized"));
    }

    @Test
    void reversingAnAuthorizationVoidsIt() {
        fixture.given(AUTHORIZED)
                .when(new ReversePaymentCommand("pay-1", "cancelled by the customer"))
                .expectEvents(new PaymentVoidedEvent("pay-1", "order-1", "cancelled by the customer"));
        assertThat(gateway.calls).containsExactly("void pi_1 pay-1:void");
    }

    @Test
    void reversingAPendingAuthorizationVoidsIt() {
        fixture.given(new PaymentActionRequiredEvent("pay-1", "order-1", TOTAL, "pi_1"))
                .when(new ReversePaymentCommand("pay-1", "expired"))
                .expectEvents(new PaymentVoidedEvent("pay-1", "order-1", "expired"));
    }

    @Test
    void reversingACaptureRefundsIt() {
        fixture.given(AUTHORIZED, CAPTURED)
                .when(new ReversePaymentCommand("pay-1", "shipment failed"))
                .expectEvents(new PaymentRefundedEvent("pay-1", "order-1", TOTAL, "re_1", "shipment failed"));
        assertThat(gateway.calls).containsExactly("refund pi_1 pay-1:refund");
    }

    @Test
    void reversingADeclinedPaymentIsNoOp() {
        fixture.given(new PaymentDeclinedEvent("pay-1", "order-1", "card_declined", "declined"))
                .when(new ReversePaymentCommand("pay-1", "cancelled"))
                .expectNoEvents();
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void repeatedReversalIsNoOp() {
        fixture.given(
                        AUTHORIZED,
                        CAPTURED,
                        new PaymentRefundedEvent("pay-1", "order-1", TOTAL, "re_1", "shipment failed"))
                .when(new ReversePaymentCommand("pay-1", "shipment failed"))
                .expectNoEvents();
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void voidRefusedBecauseTheProviderHoldsNothingStillEndsVoided() {
        gateway.failure = new PaymentRefusedException("This PaymentIntent has a status of canceled");
        fixture.given(AUTHORIZED)
                .when(new ReversePaymentCommand("pay-1", "cancelled"))
                .expectEvents(new PaymentVoidedEvent(
                        "pay-1", "order-1", "cancelled; provider: This PaymentIntent has a status of canceled"));
    }

    @Test
    void webhookAuthorizationCompletesAPendingPayment() {
        fixture.given(new PaymentActionRequiredEvent("pay-1", "order-1", TOTAL, "pi_1"))
                .when(new RecordPaymentOutcomeCommand("pay-1", "pi_1", PaymentOutcome.AUTHORIZED, null, null))
                .expectEvents(AUTHORIZED);
    }

    @Test
    void webhookDeclineOfAPendingPaymentIsADecline() {
        fixture.given(new PaymentActionRequiredEvent("pay-1", "order-1", TOTAL, "pi_1"))
                .when(new RecordPaymentOutcomeCommand(
                        "pay-1", "pi_1", PaymentOutcome.DECLINED, "authentication_failed", "3DS failed"))
                .expectEvents(new PaymentDeclinedEvent("pay-1", "order-1", "authentication_failed", "3DS failed"));
    }

    @Test
    void webhookRepeatingWhatThePaymentKnowsChangesNothing() {
        fixture.given(AUTHORIZED)
                .when(new RecordPaymentOutcomeCommand("pay-1", "pi_1", PaymentOutcome.AUTHORIZED, null, null))
                .expectNoEvents();
    }

    @Test
    void webhookArrivingAfterThePaymentMovedOnChangesNothing() {
        fixture.given(AUTHORIZED, CAPTURED)
                .when(new RecordPaymentOutcomeCommand("pay-1", "pi_1", PaymentOutcome.AUTHORIZED, null, null))
                .expectNoEvents();
    }

    @Test
    void webhookCaptureOfAnAuthorizedPaymentIsRecorded() {
        fixture.given(AUTHORIZED)
                .when(new RecordPaymentOutcomeCommand("pay-1", "pi_1", PaymentOutcome.CAPTURED, null, null))
                .expectEvents(CAPTURED);
    }

    @Test
    void webhookCancellationOfAnAuthorizationIsRecorded() {
        fixture.given(AUTHORIZED)
                .when(new RecordPaymentOutcomeCommand("pay-1", "pi_1", PaymentOutcome.VOIDED, null, null))
                .expectEvents(new PaymentVoidedEvent("pay-1", "order-1", "cancelled at the provider"));
    }

    private static final PaymentActionRequiredEvent WAITS_FOR_THE_CUSTOMER =
            new PaymentActionRequiredEvent("pay-1", "order-1", TOTAL, "pi_1");

    private static RecordPaymentOutcomeCommand reported(PaymentOutcome outcome) {
        return new RecordPaymentOutcomeCommand("pay-1", "pi_1", outcome, null, null);
    }

    @Test
    void webhookAnswersWhetherItChangedThePaymentAndTellsTheProvider() {
        fixture.given(WAITS_FOR_THE_CUSTOMER)
                .when(reported(PaymentOutcome.AUTHORIZED))
                .expectEvents(AUTHORIZED)
                .expectResultMessagePayload(true);
        assertThat(gateway.calls).containsExactly("reported pi_1 AUTHORIZED");
        fixture.given(WAITS_FOR_THE_CUSTOMER, AUTHORIZED)
                .when(reported(PaymentOutcome.AUTHORIZED))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void captureReportedBeforeTheAuthorizationRecordsBothAndTheLateAuthorizationChangesNothing() {
        fixture.given(WAITS_FOR_THE_CUSTOMER)
                .when(reported(PaymentOutcome.CAPTURED))
                .expectEvents(AUTHORIZED, CAPTURED)
                .expectResultMessagePayload(true);
        fixture.given(WAITS_FOR_THE_CUSTOMER, AUTHORIZED, CAPTURED)
                .when(reported(PaymentOutcome.AUTHORIZED))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void failureReportedAfterTheAuthorizationIsAnOlderReportAndChangesNothing() {
        fixture.given(WAITS_FOR_THE_CUSTOMER, AUTHORIZED)
                .when(new RecordPaymentOutcomeCommand(
                        "pay-1", "pi_1", PaymentOutcome.DECLINED, "payment_intent_authentication_failure", "failed"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void authorizationReportedAfterTheCancellationChangesNothing() {
        PaymentVoidedEvent cancelled = new PaymentVoidedEvent("pay-1", "order-1", "cancelled at the provider");
        fixture.given(WAITS_FOR_THE_CUSTOMER)
                .when(reported(PaymentOutcome.VOIDED))
                .expectEvents(cancelled);
        fixture.given(WAITS_FOR_THE_CUSTOMER, cancelled)
                .when(reported(PaymentOutcome.AUTHORIZED))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void moneyHeldAfterADeclineIsReleasedAtOnce() {
        PaymentDeclinedEvent declined = new PaymentDeclinedEvent(
                "pay-1", "order-1", "payment_intent_authentication_failure", "The customer did not authenticate.");
        fixture.given(WAITS_FOR_THE_CUSTOMER, declined)
                .when(reported(PaymentOutcome.AUTHORIZED))
                .expectEvents(new PaymentVoidedEvent(
                        "pay-1", "order-1", "authorized at the provider after it was declined; released"))
                .expectResultMessagePayload(true);
        assertThat(gateway.calls).containsExactly("reported pi_1 AUTHORIZED", "void pi_1 pay-1:void");
    }

    @Test
    void captureRefusedLeavesAnAuthorizationThatReversalVoids() {
        fixture.given(AUTHORIZED, new PaymentCaptureFailedEvent("pay-1", "order-1", "authorization expired"))
                .when(new ReversePaymentCommand("pay-1", "payment could not be captured"))
                .expectEvents(new PaymentVoidedEvent("pay-1", "order-1", "payment could not be captured"));
        assertThat(gateway.calls).containsExactly("void pi_1 pay-1:void");
    }
}
