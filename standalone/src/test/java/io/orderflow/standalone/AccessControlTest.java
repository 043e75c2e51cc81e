package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may reach which endpoint, over every endpoint of the API: without a token, with each kind of bad token, with
 * the wrong role, and on another customer's order. A new endpoint fails {@link #matrixCoversEveryEndpoint()} until
 * it has its row here.
 */
@ResourceLock(TestPlatform.SHARED)
class AccessControlTest {

    enum Access {
        PUBLIC,
        SIGNED_IN,
        CUSTOMER,
        ADMIN,
        OWNER
    }

    record Endpoint(String method, String pattern, Access access, String body) {

        String path() {
            return pattern.replace("{orderId}", orderId)
                    .replace("{productId}", "PROD-001")
                    .replace("{name}", "order-projection")
                    .replace("{projection}", "order-projection")
                    .replace("{id}", stranger.id())
                    .replace("{exportId}", "00000000-0000-0000-0000-000000000000");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private static final String ORDER = """
            {"items":[{"productId":"PROD-001","quantity":1}],"paymentMethod":"pm_card_visa",
             "shippingAddress":{"recipient":"A","line1":"B","city":"C","postalCode":"D","country":"GB"}}""";

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/auth/signup", Access.PUBLIC, "{}"),
            new Endpoint("POST", "/api/auth/signin", Access.PUBLIC, "{}"),
            new Endpoint("POST", "/api/auth/refresh", Access.PUBLIC, "{}"),
            new Endpoint("POST", "/api/auth/signout", Access.SIGNED_IN, ""),
            new Endpoint("GET", "/api/auth/me", Access.SIGNED_IN, null),
            new Endpoint("POST", "/api/auth/console/signin", Access.PUBLIC, "{}"),
            new Endpoint("POST", "/api/auth/console/refresh", Access.PUBLIC, ""),
            new Endpoint("POST", "/api/auth/console/signout", Access.SIGNED_IN, ""),
            new Endpoint("GET", "/.well-known/jwks.json", Access.PUBLIC, null),
            new Endpoint("GET", "/api/products", Access.SIGNED_IN, null),
            new Endpoint("GET", "/api/products/{productId}", Access.SIGNED_IN, null),
            new Endpoint("POST", "/api/products", Access.ADMIN, "{}"),
            new Endpoint("PUT", "/api/products/{productId}", Access.ADMIN, "{}"),
            new Endpoint("POST", "/api/products/{productId}/stock", Access.ADMIN, "{}"),
            new Endpoint("POST", "/api/orders", Access.CUSTOMER, ORDER),
            new Endpoint("GET", "/api/orders", Access.SIGNED_IN, null),
            new Endpoint("GET", "/api/orders/{orderId}", Access.OWNER, null),
            new Endpoint("GET", "/api/orders/{orderId}/events", Access.OWNER, null),
            new Endpoint("GET", "/api/orders/{orderId}/stream", Access.OWNER, null),
            new Endpoint("POST", "/api/orders/{orderId}/cancel", Access.OWNER, ""),
            new Endpoint("GET", "/api/orders/stream", Access.ADMIN, null),
            new Endpoint("POST", "/api/admin/orders/{orderId}/retry", Access.ADMIN, "{\"step\":\"PAYMENT\"}"),
            new Endpoint("POST", "/api/admin/orders/{orderId}/compensate", Access.ADMIN, "{\"action\":\"CANCEL\"}"),
            new Endpoint("GET", "/api/admin/projections", Access.ADMIN, null),
            new Endpoint("POST", "/api/admin/projections/{name}/replay", Access.ADMIN, ""),
            new Endpoint("GET", "/api/admin/dead-letters", Access.ADMIN, null),
            new Endpoint("POST", "/api/admin/dead-letters/{projection}/retry", Access.ADMIN, ""),
            new Endpoint("POST", "/api/admin/dead-letters/{projection}/evict", Access.ADMIN, "{\"sequence\":\"x\"}"),
            new Endpoint("GET", "/api/admin/users", Access.ADMIN, null),
            new Endpoint("GET", "/api/admin/users/{id}", Access.ADMIN, null),
            new Endpoint("PUT", "/api/admin/users/{id}/role", Access.ADMIN, "{\"role\":\"ADMIN\"}"),
            new Endpoint("POST", "/api/admin/users/{id}/disable", Access.ADMIN, ""),
            new Endpoint("POST", "/api/admin/users/{id}/enable", Access.ADMIN, ""),
            new Endpoint("GET", "/api/analytics/daily", Access.ADMIN, null),
            new Endpoint(
                    "POST",
                    "/api/admin/integration/export",
                    Access.ADMIN,
                    "{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-02T00:00:00Z\"}"),
            new Endpoint("GET", "/api/admin/integration/exports", Access.ADMIN, null),
            new Endpoint("GET", "/api/admin/integration/exports/{exportId}", Access.ADMIN, null),
            new Endpoint("POST", "/api/webhooks/stripe", Access.PUBLIC, "{}"),
            // the simulated payment provider's page, there only while no Stripe key is configured
            new Endpoint("GET", "/simulated-provider/orders/{orderId}/authentication", Access.PUBLIC, null),
            new Endpoint("POST", "/simulated-provider/orders/{orderId}/authentication", Access.PUBLIC, ""));

    private static TestPlatform platform;
    private static String orderId;
    /** A second customer, who must not reach the first one's order. */
    private static TestPlatform.Client stranger;

    private static ForgedTokens forged;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
        orderId = platform.placeOrder("[{\"productId\":\"PROD-001\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");
        platform.awaitStatus(orderId, Duration.ofSeconds(30), "DELIVERED");
        stranger = platform.newCustomer();
        forged = new ForgedTokens(platform.dataDir(), stranger.id(), "ADMIN");
    }

    static Stream<Endpoint> protectedEndpoints() {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.access() != Access.PUBLIC);
    }

    static Stream<Endpoint> publicEndpoints() {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.access() == Access.PUBLIC);
    }

    static Stream<Endpoint> adminEndpoints() {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.access() == Access.ADMIN);
    }

    static Stream<Endpoint> ownerEndpoints() {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.access() == Access.OWNER);
    }

    @Test
    void matrixCoversEveryEndpoint() {
        Set<String> mapped = new TreeSet<>();
        platform.context()
                .getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods()
                        .forEach((RequestMappingInfo info, HandlerMethod handler) -> {
                            if (handler.getBeanType().getPackageName().startsWith("io.orderflow")
                                    && !info.getPatternValues().contains("/error")) {
                                info.getMethodsCondition()
                                        .getMethods()
                                        .forEach(method -> info.getPatternValues()
                                                .forEach(pattern -> mapped.add(method + " " + pattern)));
                            }
                        }));
        Set<String> covered = ENDPOINTS.stream().map(Endpoint::toString).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).isEqualTo(mapped);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void refusesRequestsWithoutAValidToken(Endpoint endpoint) {
        Map<String, String> badTokens = Map.of(
                "no token", "",
                "expired", forged.expired(),
                "signed by another key", forged.wrongKey(),
                "alg none", forged.algNone(),
                "HMAC with the public key", forged.hmacWithPublicKey(),
                "wrong issuer", forged.wrongIssuer(),
                "wrong audience", forged.wrongAudience(),
                "not a JWT", "not-a-token",
                "external issuer's, unknown key",
                        ExternalIssuer.instance().tokenWithUnknownKey("kc-user-1", List.of("admin")));
        badTokens.forEach((kind, token) -> {
            HttpResponse<String> response =
                    call(token.isEmpty() ? platform.anonymous() : platform.withToken(token), endpoint);
            assertThat(response.statusCode()).as(kind).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(kind)
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertProblem(response, 401);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminEndpoints")
    void refusesACustomerOnAdminEndpoints(Endpoint endpoint) {
        HttpResponse<String> response = call(platform.customer(), endpoint);

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, 403);
    }

    @Test
    void refusesAnAdminPlacingAnOrder() {
        HttpResponse<String> response = platform.admin().post("/api/orders", ORDER, "admin-order");

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, 403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownerEndpoints")
    void anotherCustomersOrderIsNotFound(Endpoint endpoint) {
        HttpResponse<String> response = call(stranger, endpoint);

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, 404);
        assertThat(response.body()).doesNotContain(platform.customer().id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownerEndpoints")
    void adminReachesEveryCustomersOrder(Endpoint endpoint) {
        if (endpoint.pattern().endsWith("/stream")) {
            // the order has ended, so its stream sends it once and closes
            assertThat(call(platform.admin(), endpoint).body()).contains(orderId);
            return;
        }
        HttpResponse<String> response = call(platform.admin(), endpoint);
        // cancelling a delivered order is refused as a conflict, which means the admin got through to it
        assertThat(response.statusCode()).isIn(200, 409);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicEndpoints")
    void publicEndpointsNeedNoToken(Endpoint endpoint) {
        HttpResponse<String> response = call(platform.anonymous(), endpoint);
        assertThat(response.statusCode()).isNotEqualTo(403);
        if (response.statusCode() == 401) {
            // the endpoint's own refusal (the console's refresh without a session cookie), not a token asked for
            assertThat(read(response.body()).get("detail").asString())
                    .as(response.body())
                    .doesNotContain("send the token");
        }
    }

    @Test
    void theBadTokensWithNothingWrongAreAcceptedSoEachRefusalIsForItsOneDefect() {
        assertThat(platform.withToken(forged.valid())
                        .get("/api/admin/projections")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void listsShowACustomerOnlyItsOwnOrdersAndAnAdminEveryone() {
        assertThat(read(stranger.get("/api/orders").body()).get("total").asLong())
                .isZero();
        var ownPage = read(platform.get("/api/orders?size=100").body());
        ownPage.get("items")
                .forEach(order -> assertThat(order.get("customerId").asString())
                        .isEqualTo(platform.customer().id()));
        assertThat(read(platform.admin().get("/api/orders?size=1").body())
                        .get("total")
                        .asLong())
                .isGreaterThanOrEqualTo(ownPage.get("total").asLong());
    }

    @Test
    void ordersCarryTheCustomerOfTheTokenNeverOfTheBody() {
        var placed = stranger.post(
                "/api/orders",
                ORDER.replace(
                        "{\"items\"", "{\"customerId\":\"" + platform.customer().id() + "\",\"items\""),
                "body-customer");

        assertThat(placed.statusCode()).isEqualTo(201);
        String id = read(placed.body()).get("orderId").asString();
        assertThat(stranger.order(id).get("customerId").asString()).isEqualTo(stranger.id());
        assertThat(platform.order(id))
                .as("the customer named in the body cannot see it")
                .isNull();
    }

    @Test
    void externalIssuersTokensAreAcceptedWithTheirRoles() {
        TestPlatform.Client shopper =
                platform.withToken(ExternalIssuer.instance().token("kc-shopper-7", List.of("customer")));
        String id = shopper.placeOrder("[{\"productId\":\"PROD-002\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");

        var me = read(shopper.get("/api/auth/me").body());
        assertThat(me.get("id").asString()).isEqualTo("kc-shopper-7");
        assertThat(me.get("issuer").asString())
                .isEqualTo(ExternalIssuer.instance().issuer());
        assertThat(shopper.order(id).get("customerId").asString()).isEqualTo("kc-shopper-7");
        assertThat(shopper.get("/api/admin/projections").statusCode()).isEqualTo(403);
        TestPlatform.Client operator =
                platform.withToken(ExternalIssuer.instance().token("kc-operator-1", List.of("admin")));
        assertThat(operator.get("/api/admin/projections").statusCode()).isEqualTo(200);
        assertThat(operator.get("/api/orders/" + id).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> call(TestPlatform.Client client, Endpoint endpoint) {
        if (endpoint.pattern().endsWith("/stream")) {
            // a stream's headers come with its first event; one that stays silent was let in and is kept open
            var request = client.request(endpoint.path())
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build();
            try {
                return HttpClient.newHttpClient()
                        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .get(15, TimeUnit.SECONDS);
            } catch (TimeoutException open) {
                throw new AssertionError(endpoint + " let the request in and kept the stream open");
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        if (endpoint.method().equals("GET")) {
            return client.get(endpoint.path());
        }
        return client.send(endpoint.method(), endpoint.path(), endpoint.body(), Map.of("Idempotency-Key", "matrix"));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = read(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.body())
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("org.springframework")
                .doesNotContain("io.orderflow")
                .doesNotContain("\tat ");
    }
}
