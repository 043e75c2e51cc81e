package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.api.order.DerivedIds;
import io.orderflow.api.shipping.DispatchShipmentCommand;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * Money and parcel agree at the end, on every path on which the parcel is out when the money fails: a capture refused
 * at pick-up, or after a delivery reported first, with the carrier bringing the parcel back or not; a pick-up
 * reported after the order was cancelled; an operator undoing a shipped order. And a customer's cancellation racing
 * the carrier's pick-up a hundred times: whichever the aggregates saw first wins, never both. The parcels go to
 * {@link TestPlatform#CARRIER_REPORTS_ON_KAFKA}, so the test reports for the carrier.
 */
@ResourceLock(TestPlatform.SHARED)
class MoneyAndParcelTest {

    private static final Duration SETTLES = Duration.ofSeconds(30);
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
    }

    @Test
    void captureRefusedAtPickUpVoidsTheAuthorizationAndTheParcelComesBack() {
        String orderId = paidWithItsParcelBooked();
        authorizationLapsesAtTheProvider(orderId);

        report(orderId, "shipment-dispatched", "");
        awaitShipment(orderId, "RETURN_REQUESTED");
        assertThat(platform.order(orderId).get("status").asString())
                .as("the order waits for the parcel")
                .isEqualTo("CANCELLING");
        report(orderId, "shipment-returned", "");

        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(order.get("reason").asString())
                .startsWith("payment could not be captured: ")
                .endsWith("; the authorization was voided; the parcel came back from the carrier");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("VOIDED");
        assertThat(order.get("shipmentStatus").asString()).isEqualTo("RETURNED");
        assertThat(platform.storyOf(orderId))
                .containsSubsequence(
                        "ShipmentDispatchedEvent",
                        "PaymentCaptureFailedEvent",
                        "ShipmentReturnRequestedEvent",
                        "PaymentVoidedEvent",
                        "StockReleasedEvent",
                        "ShipmentReturnedEvent",
                        "OrderCancelledEvent");
        assertThat(timeline(orderId)).contains("Parcel called back from", "Parcel returned by the carrier");
    }

    @Test
    void captureRefusedWithAParcelTheCarrierCannotBringBackSaysSo() {
        String orderId = paidWithItsParcelBooked();
        authorizationLapsesAtTheProvider(orderId);

        report(orderId, "shipment-dispatched", "");
        awaitShipment(orderId, "RETURN_REQUESTED");
        report(orderId, "shipment-return-failed", ",\"reason\":\"the customer refused to hand it back\"");

        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(order.get("reason").asString())
                .endsWith("; the carrier could not bring the parcel back"
                        + " (carrier reported: the customer refused to hand it back)");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("VOIDED");
        assertThat(order.get("shipmentStatus").asString()).isEqualTo("RETURN_REFUSED");
    }

    @Test
    void captureRefusedAfterADeliveryReportedFirstCallsTheDeliveredParcelBack() {
        String orderId = paidWithItsParcelBooked();
        authorizationLapsesAtTheProvider(orderId);

        report(orderId, "shipment-delivered", "");
        awaitShipment(orderId, "RETURN_REQUESTED");
        report(orderId, "shipment-returned", "");

        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("VOIDED");
        assertThat(order.get("shipmentStatus").asString()).isEqualTo("RETURNED");
        assertThat(platform.storyOf(orderId)).doesNotContain("PaymentCapturedEvent", "OrderDeliveredEvent");
    }

    @Test
    void pickUpReportedAfterACancellationIsUndone() {
        String orderId = paidWithItsParcelBooked();

        HttpResponse<String> cancelled = platform.post("/api/orders/" + orderId + "/cancel", "", Map.of());
        assertThat(cancelled.statusCode()).isEqualTo(202);
        platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        report(orderId, "shipment-dispatched", "");
        awaitShipment(orderId, "RETURN_REQUESTED");
        report(orderId, "shipment-returned", "");

        awaitShipment(orderId, "RETURNED");
        JsonNode order = platform.order(orderId);
        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("VOIDED");
        assertThat(platform.providerOperations(orderId, "capture", "captured")).isZero();
    }

    @Test
    void cancellationOnceTheCarrierHasTheParcelIsRefused() {
        String orderId = paidWithItsParcelBooked();
        report(orderId, "shipment-dispatched", "");
        await().atMost(SETTLES).until(() -> platform.storyOf(orderId).contains("ShipmentDispatchedEvent"));

        HttpResponse<String> refused = platform.post("/api/orders/" + orderId + "/cancel", "", Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(TestPlatform.read(refused.body()).get("detail").asString())
                .containsAnyOf("the carrier picked its parcel up", "has already been dispatched");
        JsonNode order = platform.awaitStatus(orderId, SETTLES, "SHIPPED");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("CAPTURED");
        report(orderId, "shipment-delivered", "");
        platform.awaitStatus(orderId, SETTLES, "DELIVERED");
    }

    @Test
    void operatorUndoingAShippedOrderRefundsAndCallsTheParcelBack() {
        String orderId = paidWithItsParcelBooked();
        report(orderId, "shipment-dispatched", "");
        platform.awaitStatus(orderId, SETTLES, "SHIPPED");

        HttpResponse<String> compensating = platform.admin()
                .post(
                        "/api/admin/orders/" + orderId + "/compensate",
                        "{\"action\":\"CANCEL\",\"reason\":\"fraud check\"}",
                        Map.of());
        assertThat(compensating.statusCode()).isEqualTo(202);
        awaitShipment(orderId, "RETURN_REQUESTED");
        report(orderId, "shipment-returned", "");

        JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        assertThat(order.get("reason").asString())
                .isEqualTo("cancelled by an operator: fraud check; the parcel came back from the carrier");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("REFUNDED");
        assertThat(order.get("shipmentStatus").asString()).isEqualTo("RETURNED");
    }

    /**
     * A hundred orders, each cancelled by its customer in the same instant as the carrier reports its pick-up. Either
     * the cancellation wins (202: cancelled, voided, the parcel cancelled or called back) or the pick-up does (409:
     * shipped and captured), and never anything in between.
     */
    @Test
    void cancellationRacingThePickUpAHundredTimesLeavesMoneyAndParcelInAgreement() throws Exception {
        long started = System.nanoTime();
        ExecutorService customers = Executors.newFixedThreadPool(8);
        List<CompletableFuture<String>> placed = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            placed.add(CompletableFuture.supplyAsync(MoneyAndParcelTest::paidWithItsParcelBooked, customers));
        }
        List<String> orders = placed.stream().map(CompletableFuture::join).toList();
        customers.shutdown();
        long paid = System.nanoTime();

        // the pick-up reaches the parcel as the carrier's report does (DispatchShipmentCommand), with no broker
        // in between to decide the race by its latency; the customer's cancellation comes over HTTP
        CommandGateway carrier = platform.context().getBean(CommandGateway.class);
        ExecutorService racers = Executors.newFixedThreadPool(2);
        List<Integer> answers = new ArrayList<>();
        try {
            for (String orderId : orders) {
                CountDownLatch start = new CountDownLatch(2);
                CompletableFuture<Integer> cancellation = CompletableFuture.supplyAsync(
                        () -> {
                            start.countDown();
                            awaitQuietly(start);
                            return platform.post("/api/orders/" + orderId + "/cancel", "", Map.of())
                                    .statusCode();
                        },
                        racers);
                // an HTTP request takes longer than a command in process: the pick-up starts up to 40 ms later
                long pickUpDelay = ThreadLocalRandom.current().nextLong(40);
                CompletableFuture<Object> pickUp = CompletableFuture.supplyAsync(
                        () -> {
                            start.countDown();
                            awaitQuietly(start);
                            LockSupport.parkNanos(Duration.ofMillis(pickUpDelay).toNanos());
                            return carrier.sendAndWait(new DispatchShipmentCommand(DerivedIds.shipmentOf(orderId)));
                        },
                        racers);
                answers.add(cancellation.join());
                pickUp.join();
            }
        } finally {
            racers.shutdown();
        }
        long raced = System.nanoTime();

        int cancelWon = 0;
        int pickUpWon = 0;
        for (int i = 0; i < orders.size(); i++) {
            String orderId = orders.get(i);
            int answer = answers.get(i);
            assertThat(answer).as("order %s", orderId).isIn(202, 409);
            if (answer == 202) {
                cancelWon++;
                JsonNode order = platform.awaitStatus(orderId, SETTLES, "CANCELLED");
                await().atMost(SETTLES)
                        .until(() -> List.of("CANCELLED", "RETURN_REQUESTED")
                                .contains(platform.order(orderId)
                                        .get("shipmentStatus")
                                        .asString()));
                assertThat(platform.order(orderId).get("paymentStatus").asString())
                        .as("order %s", orderId)
                        .isEqualTo("VOIDED");
                assertThat(order.get("reason").asString()).isEqualTo("cancelled by the customer");
                assertThat(platform.eventsOf(DerivedIds.shipmentOf(orderId)))
                        .as("the cancellation reached the parcel first: its pick-up, if any, came after")
                        .startsWith("ShipmentCreatedEvent", "ShipmentCancelledEvent");
                assertThat(platform.providerOperations(orderId, "capture", "captured"))
                        .isZero();
            } else {
                pickUpWon++;
                JsonNode order = platform.awaitStatus(orderId, SETTLES, "SHIPPED", "DELIVERED");
                assertThat(order.get("paymentStatus").asString())
                        .as("order %s", orderId)
                        .isEqualTo("CAPTURED");
                assertThat(order.get("shipmentStatus").asString()).isEqualTo("DISPATCHED");
                assertThat(platform.eventsOf(DerivedIds.shipmentOf(orderId)))
                        .containsExactly("ShipmentCreatedEvent", "ShipmentDispatchedEvent");
                report(orderId, "shipment-delivered", "");
            }
        }
        System.out.printf(
                "cancellation against pick-up: the cancellation won %d times, the pick-up %d"
                        + " (placed and paid in %d ms, raced in %d ms, checked in %d ms)%n",
                cancelWon,
                pickUpWon,
                (paid - started) / 1_000_000,
                (raced - paid) / 1_000_000,
                (System.nanoTime() - raced) / 1_000_000);
    }

    private static String paidWithItsParcelBooked() {
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa", TestPlatform.CARRIER_REPORTS_ON_KAFKA);
        platform.awaitStatus(orderId, SETTLES, "PAID");
        platform.shipmentOf(orderId);
        return orderId;
    }

    /** The provider no longer holds the money (the authorization lapsed), so a capture is refused. */
    private static void authorizationLapsesAtTheProvider(String orderId) {
        platform.jdbc().update("update simulated_payment_intent set status = 'canceled' where order_id = ?", orderId);
    }

    private static void report(String orderId, String kind, String moreData) {
        String shipmentId = platform.shipmentOf(orderId);
        platform.reportAsCarrier(
                shipmentId,
                UUID.randomUUID().toString(),
                kind,
                "{\"shipmentId\":\"" + shipmentId + "\"" + moreData + "}");
    }

    private static void awaitShipment(String orderId, String status) {
        await().atMost(SETTLES)
                .until(() -> status.equals(
                        platform.order(orderId).path("shipmentStatus").asString(null)));
    }

    private static String timeline(String orderId) {
        return platform.get("/api/orders/" + orderId + "/events").body();
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
