package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile values in every filter, path parameter and free-text field: MongoDB operators, SQL and JSON quoting, and
 * very long strings. Each is refused with 400 or answered with nothing; none reaches a 500 or shows the inside.
 */
@ResourceLock(TestPlatform.SHARED)
class InjectionTest {

    enum Outcome {
        INVALID,
        EMPTY
    }

    record Attempt(boolean admin, String method, String path, String body, Outcome outcome) {

        @Override
        public String toString() {
            return method + " " + path.substring(0, Math.min(path.length(), 90))
                    + (body == null ? "" : " " + body.substring(0, Math.min(body.length(), 60)));
        }
    }

    private static final String MONGO = "{\"$ne\":null}";
    private static final String MONGO_WHERE = "{\"$where\":\"sleep(5000)\"}";
    private static final String SQL = "x' OR '1'='1";
    private static final String QUOTES = "\"'`\\\"";
    private static final String LONG = "A".repeat(5_000);
    private static final List<String> HOSTILE = List.of(MONGO, MONGO_WHERE, SQL, QUOTES, LONG);

    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
    }

    static Stream<Attempt> attempts() {
        var attempts = Stream.<Attempt>builder();
        for (String value : HOSTILE) {
            String q = URLEncoder.encode(value, StandardCharsets.UTF_8);
            String p = q.replace("+", "%20");
            // filters
            attempts.add(new Attempt(false, "GET", "/api/orders?status=" + q, null, Outcome.INVALID));
            attempts.add(new Attempt(false, "GET", "/api/orders?from=" + q, null, Outcome.INVALID));
            attempts.add(new Attempt(false, "GET", "/api/orders?to=" + q, null, Outcome.INVALID));
            attempts.add(new Attempt(false, "GET", "/api/orders?page=" + q, null, Outcome.INVALID));
            attempts.add(new Attempt(false, "GET", "/api/orders?size=" + q, null, Outcome.INVALID));
            attempts.add(new Attempt(true, "GET", "/api/analytics/daily?from=" + q, null, Outcome.INVALID));
            attempts.add(new Attempt(true, "GET", "/api/admin/users?role=" + q, null, Outcome.INVALID));
            attempts.add(new Attempt(
                    true,
                    "GET",
                    "/api/admin/users?email=" + q,
                    null,
                    value.length() > 254 ? Outcome.INVALID : Outcome.EMPTY));
            // path parameters
            attempts.add(new Attempt(false, "GET", "/api/orders/" + p, null, Outcome.INVALID));
            attempts.add(new Attempt(false, "GET", "/api/orders/" + p + "/events", null, Outcome.INVALID));
            attempts.add(new Attempt(false, "POST", "/api/orders/" + p + "/cancel", "", Outcome.INVALID));
            attempts.add(new Attempt(false, "GET", "/api/products/" + p, null, Outcome.INVALID));
            attempts.add(new Attempt(
                    true, "POST", "/api/admin/orders/" + p + "/retry", "{\"step\":\"PAYMENT\"}", Outcome.INVALID));
            attempts.add(new Attempt(true, "POST", "/api/admin/projections/" + p + "/replay", "", Outcome.INVALID));
            attempts.add(new Attempt(true, "POST", "/api/admin/dead-letters/" + p + "/retry", "", Outcome.INVALID));
            attempts.add(new Attempt(true, "GET", "/api/admin/users/" + p, null, Outcome.INVALID));
            attempts.add(new Attempt(true, "GET", "/api/admin/integration/exports/" + p, null, Outcome.INVALID));
            attempts.add(new Attempt(true, "POST", "/api/admin/users/" + p + "/disable", "", Outcome.INVALID));
            // bodies
            String json = value.startsWith("{")
                    ? value
                    : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            attempts.add(new Attempt(
                    true,
                    "POST",
                    "/api/admin/integration/export",
                    "{\"from\":" + json + ",\"to\":\"2026-11-02T00:00:00Z\"}",
                    Outcome.INVALID));
            attempts.add(new Attempt(false, "POST", "/api/orders", """
                    {"items":[{"productId":%s,"quantity":1}],"paymentMethod":"pm_card_visa",
                     "shippingAddress":{"recipient":"A","line1":"B","city":"C","postalCode":"D","country":"GB"}}""".formatted(json), Outcome.INVALID));
            attempts.add(new Attempt(false, "POST", "/api/orders", """
                    {"items":[{"productId":"PROD-001","quantity":1}],"paymentMethod":%s,
                     "shippingAddress":{"recipient":"A","line1":"B","city":"C","postalCode":"D","country":"GB"}}""".formatted(json), Outcome.INVALID));
            attempts.add(new Attempt(
                    true,
                    "POST",
                    "/api/admin/dead-letters/order-projection/evict",
                    "{\"sequence\":" + json + "}",
                    value.startsWith("{") || value.length() > 255 ? Outcome.INVALID : Outcome.EMPTY));
            attempts.add(new Attempt(
                    false,
                    "POST",
                    "/api/auth/signup",
                    "{\"email\":" + json + ",\"name\":\"A\",\"password\":\"correct horse battery\"}",
                    Outcome.INVALID));
        }
        return attempts.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void hostileInputIsRefusedOrFindsNothing(Attempt attempt) {
        TestPlatform.Client client = attempt.admin() ? platform.admin() : platform.customer();
        HttpResponse<String> response = attempt.method().equals("GET")
                ? client.get(attempt.path())
                : client.send(attempt.method(), attempt.path(), attempt.body(), Map.of());

        switch (attempt.outcome()) {
            case INVALID -> assertThat(response.statusCode()).isEqualTo(400);
            case EMPTY -> {
                assertThat(response.statusCode()).isEqualTo(200);
                var body = read(response.body());
                assertThat(
                                body.has("total")
                                        ? body.get("total").asLong()
                                        : body.get("eventsEvicted").asLong())
                        .isZero();
            }
        }
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith(attempt.outcome() == Outcome.EMPTY ? "application/json" : "application/problem+json");
        assertThat(response.body())
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("org.")
                .doesNotContain("io.orderflow")
                .doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE | /api/orders                  | 405
            POST   | /api/orders/x;jsessionid=1   | 400
            GET    | /api/orders/..%2F..%2Fetc    | 400
            GET    | /api/no-such-thing           | 404
            GET    | /api/orders/%ZZ              | 400
            """)
    void malformedRequestsAreAnsweredWithProblemBodies(String method, String path, int status) throws Exception {
        String token = platform.customer().token();
        // a raw request, since an HTTP client would refuse to send some of these paths
        try (var socket = new Socket("localhost", Integer.parseInt(platform.property("local.server.port")))) {
            socket.getOutputStream()
                    .write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 " + status);
            assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(body)
                    .contains("\"status\":" + status)
                    .doesNotContainIgnoringCase("exception")
                    .doesNotContain("Tomcat")
                    .doesNotContain("io.orderflow")
                    .doesNotContain("<html");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSignIns")
    void hostileSignInIsRefused(String body) {
        HttpResponse<String> response =
                platform.anonymous().post("/api/auth/signin", body, Map.of("X-Forwarded-For", "192.0.2.200"));

        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("io.orderflow");
    }

    static Stream<String> hostileSignIns() {
        return Stream.of(
                "{\"email\":" + MONGO + ",\"password\":" + MONGO + "}",
                "{\"email\":\"" + TestPlatform.ADMIN_EMAIL + "\",\"password\":" + MONGO + "}",
                "{\"email\":\"" + TestPlatform.ADMIN_EMAIL + "' --\",\"password\":\"x\"}",
                "{\"email\":\"" + LONG + "\",\"password\":\"x\"}",
                "{\"email\":\"a@b.c\",\"password\":\"" + LONG + "\"}");
    }
}
