package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The reading side of the HTTP contract: read-your-writes, pages with filters, the timeline and live updates. */
@ResourceLock(TestPlatform.SHARED)
class QueryApiTest {

    private static final Duration SETTLES = Duration.ofSeconds(30);
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
    }

    @Test
    void placedOrderCanBeReadRightAfterTheAnswer() {
        for (int i = 0; i < 10; i++) {
            var placed = platform.post("/api/orders", """
                    {"items":[{"productId":"PROD-003","quantity":1}],"paymentMethod":"pm_card_visa",
                     "shippingAddress":{"recipient":"A","line1":"B","city":"C","postalCode":"D","country":"GB"}}""", "ryw-" + System.nanoTime());

            assertThat(placed.statusCode()).isEqualTo(201);
            String location = placed.headers().firstValue("Location").orElseThrow();
            assertThat(platform.get(URI.create(location).getPath()).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void timelineTellsTheWholeStoryInOrder() {
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-007\",\"quantity\":1}]", "pm_card_chargeDeclined", "N1 9GU");
        platform.awaitStatus(orderId, SETTLES, "CANCELLED");

        JsonNode timeline = await().atMost(SETTLES)
                .until(
                        () -> read(platform.get("/api/orders/" + orderId + "/events")
                                .body()),
                        events -> events.size() == 6);

        List<String> types = new ArrayList<>();
        timeline.forEach(entry -> types.add(entry.get("type").asString()));
        assertThat(types)
                .containsExactly(
                        "OrderPlaced",
                        "StockReserved",
                        "OrderAwaitingPayment",
                        "PaymentDeclined",
                        "StockReleased",
                        "OrderCancelled");
        assertThat(timeline.get(3).get("description").asString())
                .isEqualTo("Payment declined (generic_decline): Your card was declined.");
        assertThat(timeline.get(0).get("occurredAt").asString()).isNotBlank();
        assertThat(platform.get("/api/orders/" + UUID.randomUUID() + "/events").statusCode())
                .isEqualTo(404);
    }

    @Test
    void ordersArePagedNewestFirstAndFilteredByStatus() {
        String first = platform.placeOrder(
                "[{\"productId\":\"PROD-007\",\"quantity\":1}]", "pm_card_chargeDeclined", "N1 9GU");
        String second = platform.placeOrder(
                "[{\"productId\":\"PROD-007\",\"quantity\":1}]", "pm_card_chargeDeclined", "N1 9GU");
        platform.awaitStatus(first, SETTLES, "CANCELLED");
        platform.awaitStatus(second, SETTLES, "CANCELLED");

        JsonNode page =
                read(platform.get("/api/orders?status=CANCELLED&page=0&size=2").body());

        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("orderId").asString()).isEqualTo(second);
        assertThat(page.get("items").get(1).get("orderId").asString()).isEqualTo(first);
        page.get("items")
                .forEach(item -> assertThat(item.get("status").asString()).isEqualTo("CANCELLED"));
        JsonNode secondPage =
                read(platform.get("/api/orders?status=CANCELLED&page=1&size=2").body());
        secondPage
                .get("items")
                .forEach(item -> assertThat(item.get("orderId").asString()).isNotIn(first, second));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown status  | status=LOST                         | status
            size too big    | size=500                            | size
            negative page   | page=-1                             | page
            bad instant     | from=yesterday                      | from
            empty window    | from=2026-11-25T10:00:00Z&to=2026-11-25T09:00:00Z | to
            """)
    void badFiltersAreRefusedNamingTheParameter(String name, String parameters, String field) {
        HttpResponse<String> response = platform.get("/api/orders?" + parameters);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(response.body()).get("errors").get(0).get("field").asString())
                .isEqualTo(field);
    }

    @Test
    void streamSendsTheOrderThenEveryChangeUntilItEnds() throws Exception {
        // the carrier moves the parcel only when the test reports for it, so the stream sees every step
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-004\",\"quantity\":1}]", "pm_card_visa", TestPlatform.CARRIER_REPORTS_ON_KAFKA);
        platform.awaitStatus(orderId, SETTLES, "PAID");
        String shipmentId = platform.shipmentOf(orderId);
        var request = platform.customer()
                .request("/api/orders/" + orderId + "/stream")
                .header("Accept", "text/event-stream")
                .build();

        var seen = new CopyOnWriteArrayList<String>();
        CompletableFuture<Void> stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body()
                        .filter(line -> line.startsWith("data:"))
                        .forEach(line ->
                                seen.add(read(line.substring(5)).get("status").asString())));
        await().atMost(SETTLES).until(() -> seen.contains("PAID"));
        platform.reportAsCarrier(
                shipmentId,
                UUID.randomUUID().toString(),
                "shipment-dispatched",
                "{\"shipmentId\":\"" + shipmentId + "\",\"trackingNumber\":\"T-STREAM\"}");
        await().atMost(SETTLES).until(() -> seen.contains("SHIPPED"));
        platform.reportAsCarrier(
                shipmentId,
                UUID.randomUUID().toString(),
                "shipment-delivered",
                "{\"shipmentId\":\"" + shipmentId + "\"}");
        stream.get(60, TimeUnit.SECONDS);

        assertThat(seen).first().isEqualTo("PAID");
        assertThat(seen).last().isEqualTo("DELIVERED");
        assertThat(seen).containsSubsequence("PAID", "SHIPPED", "DELIVERED");
        assertThat(List.of("CREATED", "AWAITING_PAYMENT", "PAID", "SHIPPED", "DELIVERED"))
                .as("statuses arrive in the order of the order's life")
                .containsSubsequence(seen.stream().distinct().toList());
    }

    @Test
    void dailyAnalyticsCountOrdersAndRevenuePerStatus() {
        String orderId = platform.placeOrder(
                "[{\"productId\":\"PROD-007\",\"quantity\":2}]", "pm_card_chargeDeclined", "N1 9GU");
        platform.awaitStatus(orderId, SETTLES, "CANCELLED");
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonNode days = read(platform.admin()
                .get("/api/analytics/daily?from=" + today + "&to=" + today)
                .body());

        assertThat(days).hasSize(1);
        JsonNode day = days.get(0);
        assertThat(day.get("date").asString()).isEqualTo(today);
        assertThat(day.get("orders").get("CANCELLED").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(day.get("revenue").get("CANCELLED").get("amount").decimalValue())
                .isGreaterThanOrEqualTo(new BigDecimal("49.98"));
        long counted = 0;
        for (JsonNode count : day.get("orders")) {
            counted += count.asLong();
        }
        assertThat(day.get("totalOrders").asLong()).isEqualTo(counted);
        assertThat(platform.admin()
                        .get("/api/analytics/daily?from=2026-02-01&to=2026-01-01")
                        .statusCode())
                .isEqualTo(400);
        assertThat(platform.admin().get("/api/analytics/daily?from=someday").statusCode())
                .isEqualTo(400);
    }

    @Test
    void firehoseCarriesTheChangesOfEveryOrder() throws Exception {
        var request = platform.admin()
                .request("/api/orders/stream")
                .header("Accept", "text/event-stream")
                .build();
        // the stream's headers come with its first event, so the order is placed while the request is open
        CompletableFuture<HttpResponse<Stream<String>>> firehose =
                HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread.sleep(500);
        String orderId = platform.placeOrder("[{\"productId\":\"PROD-003\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");

        try (var lines = firehose.get(30, TimeUnit.SECONDS).body()) {
            CompletableFuture<Boolean> seen =
                    CompletableFuture.supplyAsync(() -> lines.filter(line -> line.startsWith("data:"))
                            .map(line -> read(line.substring(5)))
                            .anyMatch(order -> order.get("orderId").asString().equals(orderId)
                                    && order.get("status").asString().equals("DELIVERED")));

            assertThat(seen.get(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void streamOfAnUnknownOrderIsNotFound() {
        assertThat(platform.get("/api/orders/" + UUID.randomUUID() + "/stream").statusCode())
                .isEqualTo(404);
    }
}
