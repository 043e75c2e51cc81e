package io.orderflow.standalone;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * The standalone platform started for tests through the real launcher, on a data directory of its own, and the
 * calls a test makes to it over HTTP like any client. {@link #shared()} is one platform for every test class of the
 * run that needs no restart; it stops when the test JVM ends.
 */
final class TestPlatform implements AutoCloseable {

    static final String WEBHOOK_SECRET = "whsec_orderflow_test";
    static final Set<String> TERMINAL = Set.of("DELIVERED", "REJECTED", "CANCELLED", "EXPIRED");

    private static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();
    private static TestPlatform shared;

    private final Path dataDir;
    private final String[] settings;
    private StandalonePlatform platform;

    private TestPlatform(Path dataDir, String... settings) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.platform = launch();
    }

    /**
     * Started with a short payment window (30 s, so expiry can be watched), a 2 s dispatch delay (so an order can be
     * caught paid but not yet dispatched), immediate delivery, and a Stripe webhook secret.
     */
    static synchronized TestPlatform shared() {
        if (shared == null) {
            try {
                shared = new TestPlatform(Files.createTempDirectory("orderflow-shared"),
                        "--orderflow.orders.payment-timeout=30s",
                        "--orderflow.carrier.simulated.dispatch-delay=2s",
                        "--orderflow.carrier.simulated.delivery-delay=0s",
                        "--orderflow.stripe.webhook-secret=" + WEBHOOK_SECRET);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    static TestPlatform start(Path dataDir, String... settings) {
        return new TestPlatform(dataDir, settings);
    }

    private StandalonePlatform launch() {
        var args = new ArrayList<>(List.of("--orderflow.data-dir=" + dataDir, "--server.port=0"));
        args.addAll(List.of(settings));
        return StandalonePlatform.start(args.toArray(String[]::new));
    }

    void restart() {
        platform.close();
        platform = launch();
    }

    @Override
    public void close() {
        platform.close();
    }

    ConfigurableApplicationContext context() {
        return platform.context();
    }

    String property(String name) {
        return context().getEnvironment().getRequiredProperty(name);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(context().getBean(DataSource.class));
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> post(String path, String body, String idempotencyKey) {
        return post(path, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Places an order and answers its id; fails the test unless it was accepted. */
    String placeOrder(String items, String paymentMethod, String postalCode) {
        var response = post("/api/orders", """
                {"items":%s,"paymentMethod":"%s",
                 "shippingAddress":{"recipient":"Ada Lovelace","line1":"12 Analytical St","city":"London",
                                    "postalCode":"%s","country":"GB"}}""".formatted(items, paymentMethod, postalCode),
                java.util.UUID.randomUUID().toString());
        if (response.statusCode() != 201) {
            throw new AssertionError("order not accepted: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("orderId").asString();
    }

    JsonNode order(String orderId) {
        var response = get("/api/orders/" + orderId);
        return response.statusCode() == 200 ? read(response.body()) : null;
    }

    /** Waits until the order's read model shows one of the statuses, and answers it. */
    JsonNode awaitStatus(String orderId, Duration atMost, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        return await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> order(orderId), order -> order != null && wanted.contains(order.get("status").asString()));
    }

    /** {available, reserved} of a product as the catalog shows it once every change to it is projected. */
    int[] stock(String productId) {
        JsonNode product = read(get("/api/products/" + productId).body());
        return new int[]{product.get("stockAvailable").asInt(), product.get("stockReserved").asInt()};
    }

    /**
     * {available, reserved} once no order holds the product any more: for a test whose earlier orders have all
     * ended, the stock levels it starts from.
     */
    int[] settledStock(String productId) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> stock(productId), levels -> levels[1] == 0);
    }

    /** Waits until the catalog shows the product at {available, reserved}: it is projected apart from the order. */
    void awaitStock(String productId, int... availableAndReserved) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(stock(productId))
                        .as("stock of " + productId).containsExactly(availableAndReserved));
    }

    /** The simple names of every event about the order, of every aggregate, in the order they were stored. */
    List<String> storyOf(String orderId) {
        return jdbc().queryForList("select payloadtype from domainevententry"
                        + " where convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = ? order by globalindex",
                        String.class, orderId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    /** How often the payment provider performed an operation for the order (authorize, capture, void, refund). */
    int providerOperations(String orderId, String operation, String outcome) {
        return jdbc().queryForObject("select count(*) from simulated_payment_request r join simulated_payment_intent i"
                + " on r.intent_id = i.id where i.order_id = ? and r.operation = ? and r.status = ?",
                Integer.class, orderId, operation, outcome);
    }

    static JsonNode read(String body) {
        return json.readTree(body);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + property("local.server.port") + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
