package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.stripe.Stripe;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the access matrix answers what {@code /v3/api-docs} says it answers: each live answer below (a
 * success for each endpoint, and problem answers) is checked with networknt's JSON Schema validator, which knows
 * nothing of springdoc, against the schema the document gives for its operation, status and media type. An answer
 * with a status the document does not list fails too. Server-sent events are checked event by event against
 * {@code OrderView}.
 */
@ResourceLock(TestPlatform.SHARED)
class ApiContractTest {

    private static final String DOCUMENT = "https://orderflow.test/v3/api-docs";
    private static final Duration SETTLES = Duration.ofSeconds(30);

    private static TestPlatform platform;
    private static JsonNode document;
    private static SchemaRegistry schemas;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
        String docs = platform.anonymous().get("/v3/api-docs").body();
        document = read(docs);
        schemas = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(DOCUMENT, docs)));
    }

    @Test
    void everyEndpointOfTheAccessMatrixAnswersAsDocumented() throws Exception {
        TestPlatform.Client customer = platform.customer();
        TestPlatform.Client admin = platform.admin();
        String delivered =
                customer.placeOrder("[{\"productId\":\"PROD-002\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");
        String waiting = customer.placeOrder(
                "[{\"productId\":\"PROD-002\",\"quantity\":1}]", "pm_card_authenticationRequired", "N1 9GU");
        platform.awaitStatus(delivered, SETTLES, "DELIVERED");
        platform.awaitStatus(waiting, SETTLES, "AWAITING_PAYMENT");
        TestPlatform.Client throwaway = platform.newCustomer();
        String email = "contract-" + UUID.randomUUID() + "@example.com";
        String signUp =
                "{\"email\":\"" + email + "\",\"name\":\"Contract\",\"password\":\"" + TestPlatform.PASSWORD + "\"}";
        String range = "{\"from\":\"" + Instant.now().minusSeconds(60) + "\",\"to\":\"" + Instant.now() + "\"}";

        Map<String, Supplier<HttpResponse<String>>> calls = new LinkedHashMap<>();
        calls.put("POST /api/auth/signup", () -> platform.anonymous().post("/api/auth/signup", signUp, Map.of()));
        calls.put("POST /api/auth/signin", () -> platform.anonymous().post("/api/auth/signin", signUp, Map.of()));
        calls.put(
                "POST /api/auth/refresh",
                () -> platform.anonymous()
                        .post("/api/auth/refresh", "{\"refreshToken\":\"" + refreshTokenOf(email) + "\"}", Map.of()));
        calls.put(
                "POST /api/auth/console/signin",
                () -> platform.anonymous()
                        .post(
                                "/api/auth/console/signin",
                                "{\"email\":\"" + email + "\",\"password\":\"" + TestPlatform.PASSWORD + "\"}",
                                Map.of("X-Forwarded-For", "198.51.100.78")));
        calls.put(
                "POST /api/auth/console/refresh",
                () -> platform.anonymous()
                        .post("/api/auth/console/refresh", null, Map.of("Cookie", consoleCookieOf(email))));
        calls.put(
                "POST /api/auth/console/signout",
                () -> platform.newCustomer().post("/api/auth/console/signout", null, Map.of()));
        calls.put("GET /api/auth/me", () -> customer.get("/api/auth/me"));
        calls.put("POST /api/auth/signout", () -> throwaway.post("/api/auth/signout", "", Map.of()));
        calls.put("GET /.well-known/jwks.json", () -> platform.anonymous().get("/.well-known/jwks.json"));
        calls.put("GET /api/products", () -> customer.get("/api/products"));
        calls.put("GET /api/products/{productId}", () -> customer.get("/api/products/PROD-001"));
        String product = "CONTRACT-" + UUID.randomUUID().toString().substring(0, 8);
        calls.put(
                "POST /api/products",
                () -> admin.post(
                        "/api/products",
                        "{\"productId\":\"" + product + "\",\"name\":\"Contract\","
                                + "\"price\":{\"amount\":9.99,\"currency\":\"USD\"},\"initialStock\":5}",
                        Map.of()));
        calls.put(
                "PUT /api/products/{productId}",
                () -> admin.send(
                        "PUT",
                        "/api/products/" + product,
                        "{\"name\":\"Contract II\",\"price\":{\"amount\":8.99,\"currency\":\"USD\"}}",
                        Map.of()));
        calls.put(
                "POST /api/products/{productId}/stock",
                () -> admin.post(
                        "/api/products/" + product + "/stock",
                        "{\"adjustmentId\":\"delivery-1\",\"change\":10,\"reason\":\"delivery\"}",
                        Map.of()));
        calls.put(
                "POST /api/orders",
                () -> customer.post("/api/orders", """
                {"items":[{"productId":"PROD-002","quantity":1}],"paymentMethod":"pm_card_visa",
                 "shippingAddress":{"recipient":"A","line1":"B","city":"C","postalCode":"N1 9GU","country":"GB"}}""", UUID.randomUUID().toString()));
        calls.put("GET /api/orders", () -> customer.get("/api/orders"));
        calls.put("GET /api/orders/{orderId}", () -> customer.get("/api/orders/" + delivered));
        calls.put("GET /api/orders/{orderId}/events", () -> customer.get("/api/orders/" + delivered + "/events"));
        calls.put(
                "POST /api/admin/orders/{orderId}/retry",
                () -> admin.post("/api/admin/orders/" + waiting + "/retry", "{\"step\":\"PAYMENT\"}", Map.of()));
        calls.put(
                "POST /api/orders/{orderId}/cancel",
                () -> customer.post("/api/orders/" + waiting + "/cancel", "", Map.of()));
        calls.put(
                "POST /api/admin/orders/{orderId}/compensate",
                () -> admin.post(
                        "/api/admin/orders/" + delivered + "/compensate", "{\"action\":\"CANCEL\"}", Map.of()));
        calls.put("GET /api/admin/projections", () -> admin.get("/api/admin/projections"));
        calls.put(
                "POST /api/admin/projections/{name}/replay",
                () -> admin.post("/api/admin/projections/inventory-projection/replay", "", Map.of()));
        calls.put("GET /api/admin/dead-letters", () -> admin.get("/api/admin/dead-letters"));
        calls.put(
                "POST /api/admin/dead-letters/{projection}/retry",
                () -> admin.post("/api/admin/dead-letters/order-projection/retry", "", Map.of()));
        calls.put(
                "POST /api/admin/dead-letters/{projection}/evict",
                () -> admin.post(
                        "/api/admin/dead-letters/order-projection/evict", "{\"sequence\":\"none\"}", Map.of()));
        calls.put("GET /api/admin/users", () -> admin.get("/api/admin/users"));
        calls.put("GET /api/admin/users/{id}", () -> admin.get("/api/admin/users/" + throwaway.id()));
        calls.put(
                "PUT /api/admin/users/{id}/role",
                () -> admin.send(
                        "PUT", "/api/admin/users/" + throwaway.id() + "/role", "{\"role\":\"CUSTOMER\"}", Map.of()));
        calls.put(
                "POST /api/admin/users/{id}/disable",
                () -> admin.post("/api/admin/users/" + throwaway.id() + "/disable", "", Map.of()));
        calls.put(
                "POST /api/admin/users/{id}/enable",
                () -> admin.post("/api/admin/users/" + throwaway.id() + "/enable", "", Map.of()));
        calls.put("GET /api/analytics/daily", () -> admin.get("/api/analytics/daily"));
        calls.put(
                "POST /api/admin/integration/export",
                () -> admin.post("/api/admin/integration/export", range, Map.of()));
        calls.put("GET /api/admin/integration/exports", () -> admin.get("/api/admin/integration/exports"));
        calls.put(
                "GET /api/admin/integration/exports/{exportId}",
                () -> admin.get("/api/admin/integration/exports/00000000-0000-0000-0000-000000000000"));
        calls.put("POST /api/webhooks/stripe", () -> signedWebhook());
        calls.put(
                "GET /simulated-provider/orders/{orderId}/authentication",
                () -> platform.anonymous().get("/simulated-provider/orders/" + waiting + "/authentication"));
        calls.put(
                "POST /simulated-provider/orders/{orderId}/authentication",
                () -> platform.anonymous()
                        .post(
                                "/simulated-provider/orders/" + delivered + "/authentication?outcome=COMPLETE",
                                "",
                                Map.of()));

        List<String> problems = new ArrayList<>();
        calls.forEach((operation, call) -> problems.addAll(check(operation, call.get())));
        // problem answers: no token, no such order, bad input
        problems.addAll(check("GET /api/orders/{orderId}", platform.anonymous().get("/api/orders/" + delivered)));
        problems.addAll(check("GET /api/orders/{orderId}", customer.get("/api/orders/" + UUID.randomUUID())));
        problems.addAll(check(
                "POST /api/orders",
                customer.post("/api/orders", "{\"items\":[]}", UUID.randomUUID().toString())));
        problems.addAll(check("GET /api/admin/projections", customer.get("/api/admin/projections")));
        problems.addAll(streamProblems(
                "GET /api/orders/{orderId}/stream", customer, "/api/orders/" + delivered + "/stream", null));
        problems.addAll(streamProblems(
                "GET /api/orders/stream",
                admin,
                "/api/orders/stream",
                () -> customer.placeOrder("[{\"productId\":\"PROD-002\",\"quantity\":1}]", "pm_card_visa", "N1 9GU")));

        Set<String> covered = new TreeSet<>(calls.keySet());
        covered.add("GET /api/orders/{orderId}/stream");
        covered.add("GET /api/orders/stream");
        assertThat(covered)
                .as("a live answer for every endpoint of the access matrix")
                .isEqualTo(AccessControlTest.ENDPOINTS.stream()
                        .map(AccessControlTest.Endpoint::toString)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(problems).isEmpty();
    }

    /** What is wrong with the answer, measured against the document's operation, status and media type. */
    private static List<String> check(String operation, HttpResponse<String> answer) {
        String method = operation.split(" ")[0].toLowerCase();
        String path = operation.split(" ")[1];
        JsonNode responses = document.path("paths").path(path).path(method).path("responses");
        String status = Integer.toString(answer.statusCode());
        String where = operation + " " + status;
        if (!responses.has(status)) {
            return List.of(where + ": the status is not documented (documented: " + responses.propertyNames() + ")");
        }
        JsonNode content = responses.get(status).path("content");
        String mediaType =
                answer.headers().firstValue("Content-Type").orElse("").split(";")[0];
        if (content.isEmpty()) {
            return answer.body().isEmpty() ? List.of() : List.of(where + ": answers a body the document does not show");
        }
        String documented = content.has(mediaType) ? mediaType : content.has("*/*") ? "*/*" : null;
        if (documented == null) {
            return List.of(where + ": answers " + mediaType + ", documented " + content.propertyNames());
        }
        if (!mediaType.endsWith("json")) {
            return List.of();
        }
        String pointer = "/paths/" + escape(path) + "/" + method + "/responses/" + status + "/content/"
                + escape(documented) + "/schema";
        return problems(where, pointer, read(answer.body()));
    }

    private static List<String> problems(String where, String pointer, JsonNode answer) {
        return schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer)).validate(answer).stream()
                .map(Error::toString)
                .map(problem -> where + ": " + problem + " in " + answer)
                .toList();
    }

    /** Each event of the stream (the first few) against {@code OrderView}; a change is caused when one is given. */
    private static List<String> streamProblems(
            String operation, TestPlatform.Client client, String path, Runnable change) throws Exception {
        var events = new ArrayList<String>();
        var request =
                client.request(path).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Void>> streaming = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    assertThat(response.statusCode()).as(operation).isEqualTo(200);
                    return response;
                })
                .thenCompose(response -> CompletableFuture.supplyAsync(() -> {
                    response.body()
                            .filter(line -> line.startsWith("data:"))
                            .limit(1)
                            .forEach(line -> events.add(line.substring(5)));
                    return null;
                }));
        if (change != null) {
            TimeUnit.MILLISECONDS.sleep(500);
            change.run();
        }
        streaming.get(30, TimeUnit.SECONDS);
        assertThat(events).as(operation).isNotEmpty();
        return events.stream()
                .flatMap(event -> problems(operation, "/components/schemas/OrderView", read(event)).stream())
                .toList();
    }

    /** The console's session cookie of a new console sign-in, as a {@code Cookie} header's value. */
    private static String consoleCookieOf(String email) {
        String setCookie = platform.anonymous()
                .post(
                        "/api/auth/console/signin",
                        "{\"email\":\"" + email + "\",\"password\":\"" + TestPlatform.PASSWORD + "\"}",
                        Map.of("X-Forwarded-For", "198.51.100.79"))
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String refreshTokenOf(String email) {
        return read(platform.signIn(email, TestPlatform.PASSWORD, Map.of("X-Forwarded-For", "198.51.100.77"))
                        .body())
                .get("refreshToken")
                .asString();
    }

    private static HttpResponse<String> signedWebhook() {
        String event = """
                {"id":"evt_contract","object":"event","api_version":"%s","created":%d,"livemode":false,
                 "type":"charge.refunded","data":{"object":{"id":"ch_1","object":"charge"}}}""".formatted(Stripe.API_VERSION, Instant.now().getEpochSecond());
        return platform.anonymous()
                .post(
                        "/api/webhooks/stripe",
                        event,
                        Map.of("Stripe-Signature", TestPlatform.stripeSignature(event, TestPlatform.WEBHOOK_SECRET)));
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }
}
