package io.orderflow.standalone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform killed outright (SIGKILL) while 100 orders are on their way through stock, payment and shipping,
 * then started again on the same data directory: every accepted order still exists and reaches a final state, and
 * the payment provider authorized and captured each payment at most once.
 */
class CrashRecoveryIT {

    private static final int ORDERS = 100;
    private static final Set<String> TERMINAL = Set.of("DELIVERED", "REJECTED", "CANCELLED", "EXPIRED");
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path workDir;
    private LaunchedPlatform platform;

    @AfterEach
    void killLeftovers() {
        platform.killIfRunning();
    }

    @Test
    void killedWithOrdersInFlightEveryOrderEndsAndNobodyIsChargedTwice() throws Exception {
        int port = LaunchedPlatform.freePort();
        int postgresPort = LaunchedPlatform.freePort();
        platform = new LaunchedPlatform(workDir, Map.of(
                "ORDERFLOW_DATA_DIR", workDir.resolve("data").toString(),
                "SERVER_PORT", Integer.toString(port),
                "ORDERFLOW_POSTGRES_PORT", Integer.toString(postgresPort)),
                "--orderflow.carrier.simulated.dispatch-delay=1s", "--orderflow.carrier.simulated.delivery-delay=1s");
        platform.start();
        String token = LaunchedPlatform.newCustomerToken(port);

        List<String> accepted = placeConcurrently(port, token);
        platform.kill();
        platform.start();

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                accepted.stream().allMatch(orderId -> TERMINAL.contains(status(port, token, orderId))));
        var byStatus = new TreeMap<String, Integer>();
        accepted.forEach(orderId -> byStatus.merge(status(port, token, orderId), 1, Integer::sum));

        try (var db = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "")) {
            int authorizedTwice = count(db.createStatement().executeQuery("select count(*) from (select payment_id"
                    + " from simulated_payment_intent group by payment_id having count(*) > 1) twice"));
            int capturedTwice = count(db.createStatement().executeQuery("select count(*) from (select intent_id"
                    + " from simulated_payment_request where operation = 'capture' and status = 'captured'"
                    + " group by intent_id having count(*) > 1) twice"));
            int captures = count(db.createStatement().executeQuery(
                    "select count(*) from simulated_payment_request where operation = 'capture' and status = 'captured'"));
            System.out.printf("[crash] %d orders accepted before SIGKILL; after restart: %s; captures %d; "
                    + "authorized twice %d; captured twice %d%n", accepted.size(), byStatus, captures, authorizedTwice, capturedTwice);

            assertThat(accepted).hasSize(ORDERS);
            assertThat(authorizedTwice).isZero();
            assertThat(capturedTwice).isZero();
            assertThat(captures).isEqualTo(byStatus.getOrDefault("DELIVERED", 0));
        }
        platform.stop();
    }

    private List<String> placeConcurrently(int port, String token) throws Exception {
        ExecutorService customers = Executors.newFixedThreadPool(20);
        try {
            var placed = new ArrayList<Future<String>>();
            for (int i = 0; i < ORDERS; i++) {
                String product = "PROD-00" + (1 + i % 8);
                String method = i % 10 == 0 ? "pm_card_chargeDeclined" : "pm_card_visa";
                String key = "crash-" + i;
                placed.add(customers.submit(() -> place(port, token, product, method, key)));
            }
            var orderIds = new ArrayList<String>();
            for (Future<String> order : placed) {
                orderIds.add(order.get());
            }
            return orderIds;
        } finally {
            customers.shutdown();
        }
    }

    private static String place(int port, String token, String productId, String paymentMethod, String key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"items":[{"productId":"%s","quantity":1}],"paymentMethod":"%s",
                         "shippingAddress":{"recipient":"Grace Hopper","line1":"1 Harbor Rd","city":"Arlington",
                                            "postalCode":"22201","country":"US"}}""".formatted(productId, paymentMethod)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("orderId").asString();
    }

    private static String status(int port, String token, String orderId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/orders/" + orderId)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()).get("status").asString() : "MISSING";
        } catch (Exception e) {
            return "UNREACHABLE";
        }
    }

    private static int count(ResultSet result) throws Exception {
        result.next();
        return result.getInt(1);
    }
}
