package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orderflow.standalone.StandalonePlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator against a running platform, as a shop's front end: it signs its customers up, places orders at
 * the rate asked through the HTTP API, pays a share with a declined card and cancels a share right after placing.
 * What it reports is checked against what the platform stored.
 */
class LoadGeneratorTest {

    private static final Duration SETTLES = Duration.ofSeconds(60);
    private static final String ADMIN_PASSWORD = "load generator operator";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static StandalonePlatform platform;
    private static String url;

    @BeforeAll
    static void start() {
        platform = StandalonePlatform.start(
                "--orderflow.data-dir=" + dataDir,
                "--server.port=0",
                "--orderflow.security.admin.password=" + ADMIN_PASSWORD,
                "--orderflow.carrier.simulated.dispatch-delay=0s",
                "--orderflow.gateway.read-model-wait=10s",
                "--orderflow.carrier.simulated.delivery-delay=0s");
        url = "http://localhost:" + platform.context().getEnvironment().getRequiredProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void placesOrdersAtTheRateAskedWithTheMixOfOutcomesAsked() throws Exception {
        var load = new LoadGenerator(LoadGenerator.Settings.of(Map.of(
                "url",
                url,
                "rate",
                "8",
                "duration",
                "3s",
                "concurrency",
                "8",
                "customers",
                "3",
                "products",
                "PROD-003:1",
                "declines",
                "0.5",
                "cancellations",
                "0.25",
                "seed",
                "7")));

        LoadGenerator.Figures figures = load.run();

        assertThat(figures.ordersSent()).isEqualTo(24);
        assertThat(figures.ordersNotSentAllConnectionsBusy()).isZero();
        assertThat(figures.responses()).containsEntry("place 201", 24);
        // the seed decides which orders get a declined card and which are cancelled: the same every run
        int declinedCards = figures.ordersWithDeclinedCard();
        int cancellations = figures.ordersCancelledAfterPlacing();
        assertThat(declinedCards).isBetween(1, 23);
        assertThat(cancellations).isBetween(1, 23);
        // a cancellation is taken (202) or comes too late, after a decline ended the order (409)
        assertThat(figures.responses().keySet()).isSubsetOf("place 201", "cancel 202", "cancel 409");
        assertThat(figures.responses().getOrDefault("cancel 202", 0)
                        + figures.responses().getOrDefault("cancel 409", 0))
                .isEqualTo(cancellations);
        assertThat(figures.sentPerSecond()).isBetween(6.0, 8.5);
        assertThat(figures.acceptMillis().p50())
                .isPositive()
                .isLessThanOrEqualTo(figures.acceptMillis().max());
        assertThat(load.accepted()).hasSize(24);
        // the load's own time, which the benchmark counts throughput over: every order was sent within it
        assertThat(load.sendingEndedAt() - load.sendingStartedAt()).isGreaterThanOrEqualTo(3_000_000_000L);
        assertThat(load.accepted().values())
                .allSatisfy(
                        order -> assertThat(order.sentAt()).isBetween(load.sendingStartedAt(), load.sendingEndedAt()));

        String admin = adminToken();
        var customers = new HashSet<String>();
        int declined = 0;
        for (String orderId : load.accepted().keySet()) {
            JsonNode order = await().atMost(SETTLES)
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> order(admin, orderId),
                            found -> found != null
                                    && Firehose.ENDS.contains(
                                            found.get("status").asString()));
            customers.add(order.get("customerId").asString());
            if (order.get("reason").asString("").startsWith("payment declined")) {
                declined++;
            }
            assertThat(order.get("lines").get(0).get("productId").asString()).isEqualTo("PROD-003");
        }
        assertThat(customers).hasSize(3);
        // an order with a declined card ends for that reason unless its cancellation came first
        assertThat(declined).isBetween(declinedCards - cancellations, declinedCards);
    }

    @Test
    void signsItsCustomersUpOnceAndBeforeTheFirstOrder() throws Exception {
        var load = new LoadGenerator(LoadGenerator.Settings.of(Map.of(
                "url",
                url,
                "rate",
                "4",
                "duration",
                "1s",
                "concurrency",
                "4",
                "customers",
                "2",
                "products",
                "PROD-003:1")));
        String admin = adminToken();
        long before = customers(admin);

        // the capacity benchmark starts measuring CPU here, after the customers' BCrypt hashes and before any order
        load.signUp();
        assertThat(customers(admin)).isEqualTo(before + 2);
        assertThat(load.accepted()).isEmpty();

        LoadGenerator.Figures figures = load.run();
        assertThat(figures.ordersSent()).isPositive();
        assertThat(figures.responses()).containsEntry("place 201", (int) figures.ordersSent());
        assertThat(customers(admin)).as("run() signs no one up again").isEqualTo(before + 2);
    }

    @Test
    void refusesSettingsThatMakeNoLoad() {
        for (var wrong : Set.of(
                Map.of("rate", "0"),
                Map.of("declines", "1.5"),
                Map.of("concurrency", "0"),
                Map.of("duration", "0s"),
                Map.of("duration", "soon"),
                Map.of("customers", "0"))) {
            assertThatThrownBy(() -> LoadGenerator.Settings.of(wrong))
                    .as(wrong.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static JsonNode order(String token, String orderId) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/orders/" + orderId))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    private static long customers(String token) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/admin/users?role=CUSTOMER&size=1"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).get("total").asLong();
    }

    private static String adminToken() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/auth/signin"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"admin@orderflow.local\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).get("accessToken").asString();
    }
}
