package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * The PostgreSQL server stops for 30 seconds while customers place orders, then comes back. Meanwhile every request
 * that needs it is answered 503 with {@code Retry-After} and a problem body, never a 500, and readiness is down. Once
 * it is back, nothing waits for a person: readiness comes up, every event processor resumes from its position, every
 * order accepted before or during the outage is delivered and charged once, and an order refused with 503 is accepted
 * when the customer sends it again with the same {@code Idempotency-Key}, as {@code Retry-After} invites. A carrier's
 * reports that arrive on Kafka during the outage wait for the store instead of going to the dead-letter topic. The
 * platform runs on {@link OwnedInfrastructure}, whose PostgreSQL server the test owns and stops.
 */
@ResourceLock(OwnedInfrastructure.LOCK)
class PostgresOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String ORDER = """
            {"items":[{"productId":"PROD-00%d","quantity":1}],"paymentMethod":"pm_card_visa",
             "shippingAddress":{"recipient":"Ada Lovelace","line1":"12 Analytical St","city":"London",
                                "postalCode":"N1 9GU","country":"GB"}}""";

    /** One request and what it was answered. */
    record Answer(String request, int status, String contentType, String retryAfter, String body) {

        static Answer of(String request, HttpResponse<String> response) {
            return new Answer(
                    request,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        }

        boolean unavailable() {
            return status == 503;
        }
    }

    @Test
    void whilePostgresIsAwayRequestsAreAnswered503WithRetryAfterAndEverythingResumesByItselfAfter() throws Exception {
        OwnedInfrastructure infrastructure = OwnedInfrastructure.shared();
        TestPlatform platform = infrastructure.platform();
        TestPlatform.Client customer = platform.customer();
        TestPlatform.Client admin = platform.admin();
        ReadinessTest.awaitReadiness(platform, 200, "UP", "db");
        // a parcel whose carrier reports on Kafka, as a real carrier does: its reports arrive during the outage
        String reportedOnKafka = customer.placeOrder(
                "[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa", TestPlatform.CARRIER_REPORTS_ON_KAFKA);
        platform.awaitStatus(reportedOnKafka, Duration.ofSeconds(30), "PAID");
        String parcel = platform.shipmentOf(reportedOnKafka);

        // each placed order: its Idempotency-Key and its first answer
        Map<String, Answer> placed = new ConcurrentHashMap<>();
        List<Answer> duringOutage = new CopyOnWriteArrayList<>();
        var outage = new AtomicBoolean(false);
        var placing = new AtomicBoolean(true);
        ExecutorService customers = Executors.newFixedThreadPool(2);
        try {
            for (int thread = 0; thread < 2; thread++) {
                customers.submit(() -> {
                    while (placing.get()) {
                        String key = UUID.randomUUID().toString();
                        Answer answer = Answer.of("POST /api/orders", customer.post("/api/orders", order(key), key));
                        placed.put(key, answer);
                        if (outage.get()) {
                            duringOutage.add(answer);
                        }
                        Thread.sleep(250);
                    }
                    return null;
                });
            }
            Thread.sleep(3_000);
            String acceptedBefore = placed.values().stream()
                    .filter(answer -> answer.status() == 201)
                    .map(answer -> read(answer.body()).get("orderId").asString())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no order accepted before the outage: " + placed));

            long outageStart = System.nanoTime();
            infrastructure.stopPostgres();
            outage.set(true);
            JsonNode readinessWithout;
            try {
                readinessWithout = ReadinessTest.awaitReadiness(platform, 503, "DOWN", "db");
                assertThat(platform.anonymous().get("/actuator/health/liveness").statusCode())
                        .as("alive all the same")
                        .isEqualTo(200);
                platform.reportAsCarrier(
                        parcel,
                        UUID.randomUUID().toString(),
                        "shipment-dispatched",
                        "{\"shipmentId\":\"" + parcel + "\",\"trackingNumber\":\"T-OUTAGE\"}");
                platform.reportAsCarrier(
                        parcel,
                        UUID.randomUUID().toString(),
                        "shipment-delivered",
                        "{\"shipmentId\":\"" + parcel + "\"}");
                while (System.nanoTime() - outageStart < OUTAGE.toNanos()) {
                    duringOutage.addAll(everyKindOfRequest(platform, customer, admin, acceptedBefore));
                    Thread.sleep(1_000);
                }
            } finally {
                outage.set(false);
                infrastructure.startPostgres();
            }
            assertThat(readinessWithout
                            .get("components")
                            .get("mongo")
                            .get("status")
                            .asString())
                    .isEqualTo("UP");
            ReadinessTest.awaitReadiness(platform, 200, "UP", "db", "eventProcessors");
            Thread.sleep(3_000);
            placing.set(false);
            customers.shutdown();
            assertThat(customers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            System.out.printf(
                    "[outage] PostgreSQL down %d s: %d orders placed, %d answers during the outage: %s%n",
                    OUTAGE.toSeconds(), placed.size(), duringOutage.size(), statusCounts(duringOutage));
            var errors = duringOutage.stream()
                    .filter(answer -> answer.status() >= 500 && !answer.unavailable())
                    .toList();
            assertThat(errors)
                    .as("no 500 or other error while PostgreSQL is away")
                    .isEmpty();
            var refused = duringOutage.stream().filter(Answer::unavailable).toList();
            assertThat(refused)
                    .as("requests that need PostgreSQL are answered 503")
                    .extracting(Answer::request)
                    .contains("POST /api/orders", "POST /api/auth/signin", "GET /api/orders/{id}");
            assertThat(refused).allSatisfy(answer -> {
                assertThat(answer.retryAfter()).as("Retry-After of " + answer).matches("\\d+");
                assertThat(answer.contentType()).isEqualTo("application/problem+json");
                JsonNode problem = read(answer.body());
                assertThat(problem.get("status").asInt()).isEqualTo(503);
                assertThat(problem.get("type").asString())
                        .isEqualTo("https://orderflow.dev/problems/temporarily-unavailable");
                assertThat(answer.body())
                        .doesNotContainIgnoringCase("exception")
                        .doesNotContain("at io.");
            });

            // the customer sends every refused order again with the same key, as Retry-After invites
            var orders = new ArrayList<>(List.of(reportedOnKafka));
            placed.forEach((key, answer) -> {
                HttpResponse<String> accepted =
                        answer.unavailable() ? customer.post("/api/orders", order(key), key) : null;
                Answer last = accepted == null ? answer : Answer.of("POST /api/orders again", accepted);
                assertThat(last.status()).as("order %s: %s", key, last).isIn(201, 202);
                orders.add(read(last.body()).get("orderId").asString());
            });
            assertThat(refused.stream().filter(answer -> answer.request().equals("POST /api/orders")))
                    .as("orders refused during the outage")
                    .isNotEmpty();

            for (String order : orders) {
                try {
                    platform.awaitStatus(order, Duration.ofSeconds(120), "DELIVERED");
                } catch (org.awaitility.core.ConditionTimeoutException notDelivered) {
                    var answer = customer.get("/api/orders/" + order);
                    throw new AssertionError(
                            "order " + order + " not delivered: " + answer.statusCode() + " " + answer.body()
                                    + "; its events: " + platform.storyOf(order),
                            notDelivered);
                }
                assertThat(platform.providerOperations(order, "authorize", "requires_capture"))
                        .as("authorized once: " + order)
                        .isEqualTo(1);
                assertThat(platform.providerOperations(order, "capture", "captured"))
                        .as("captured once: " + order)
                        .isEqualTo(1);
            }
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(
                                    read(admin.get("/api/admin/projections").body()))
                            .allSatisfy(processor -> assertThat(
                                            processor.get("error").asBoolean())
                                    .as("%s in error", processor.get("name"))
                                    .isFalse()));
            assertThat(read(admin.get("/api/admin/dead-letters").body())).isEmpty();
        } finally {
            placing.set(false);
            customers.shutdownNow();
        }
    }

    /** A request of each kind a client makes: reads, writes, sign-in, an operator's; each answer recorded. */
    private static List<Answer> everyKindOfRequest(
            TestPlatform platform, TestPlatform.Client customer, TestPlatform.Client admin, String orderId) {
        return List.of(
                Answer.of("GET /api/orders/{id}", customer.get("/api/orders/" + orderId)),
                Answer.of("GET /api/orders", customer.get("/api/orders")),
                Answer.of("GET /api/products", customer.get("/api/products")),
                Answer.of(
                        "POST /api/orders/{id}/cancel",
                        customer.post("/api/orders/" + orderId + "/cancel", "{}", Map.of())),
                Answer.of("POST /api/auth/signin", platform.signIn(customer.email(), TestPlatform.PASSWORD, Map.of())),
                Answer.of(
                        "POST /api/auth/signup",
                        platform.anonymous()
                                .post(
                                        "/api/auth/signup",
                                        "{\"email\":\"late-%s@example.com\",\"name\":\"Late\",\"password\":\"%s\"}"
                                                .formatted(UUID.randomUUID(), TestPlatform.PASSWORD),
                                        Map.of())),
                Answer.of("GET /api/admin/projections", admin.get("/api/admin/projections")),
                Answer.of("GET /api/admin/users", admin.get("/api/admin/users")),
                Answer.of("GET /api/admin/dead-letters", admin.get("/api/admin/dead-letters")));
    }

    /** The same order for the same key, whether sent once or again after a 503. */
    private static String order(String idempotencyKey) {
        return ORDER.formatted(1 + Math.floorMod(idempotencyKey.hashCode(), 8));
    }

    private static Map<String, Map<Integer, Long>> statusCounts(List<Answer> answers) {
        var counts = new TreeMap<String, Map<Integer, Long>>();
        answers.forEach(answer -> counts.computeIfAbsent(answer.request(), request -> new TreeMap<>())
                .merge(answer.status(), 1L, Long::sum));
        return counts;
    }
}
