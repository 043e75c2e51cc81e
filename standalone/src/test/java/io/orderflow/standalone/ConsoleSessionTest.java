package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * What the console stands on, over plain HTTP: its session (the access token in the answer, the refresh token only in
 * an HttpOnly, Secure, SameSite=Strict cookie for the session endpoints, used once), its pages' security headers, and
 * the operators' order list by customer.
 */
@ResourceLock(TestPlatform.SHARED)
class ConsoleSessionTest {

    private static final String COOKIE = "orderflow_console_session";

    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
    }

    @Test
    void theRefreshTokenTravelsOnlyInAStrictHttpOnlyCookieAndIsUsedOnce() {
        TestPlatform.Client customer = platform.newCustomer();
        HttpResponse<String> signedIn = consoleSignIn(customer.email());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        JsonNode body = read(signedIn.body());
        assertThat(body.has("refreshToken"))
                .as("no refresh token a script could read")
                .isFalse();
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith(COOKIE + "=")
                .contains("Path=/api/auth/console", "Secure", "HttpOnly", "SameSite=Strict", "Max-Age=1209600");
        assertThat(platform.withToken(body.get("accessToken").asString())
                        .get("/api/auth/me")
                        .statusCode())
                .isEqualTo(200);

        String first = cookie(signedIn);
        HttpResponse<String> refreshed = refresh(first);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String second = cookie(refreshed);
        assertThat(second).isNotEqualTo(first);
        assertThat(read(refreshed.body()).get("accessToken").asString()).isNotEqualTo(body.get("accessToken"));

        // the used cookie again, as a copy would be: refused, and the session it belonged to ends
        assertThat(refresh(first).statusCode()).isEqualTo(401);
        assertThat(refresh(second).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutASessionCookieTheConsoleIsAskedToSignIn() {
        HttpResponse<String> refused = platform.anonymous().post("/api/auth/console/refresh", null, Map.of());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(refused.body()).get("detail").asString()).isEqualTo("There is no console session: sign in");
    }

    @Test
    void signingOutEndsTheAccessTokenAndClearsTheCookie() {
        TestPlatform.Client customer = platform.newCustomer();
        HttpResponse<String> signedIn = consoleSignIn(customer.email());
        String token = read(signedIn.body()).get("accessToken").asString();

        HttpResponse<String> signedOut = platform.withToken(token).post("/api/auth/console/signout", null, Map.of());
        assertThat(signedOut.statusCode()).isEqualTo(204);
        assertThat(signedOut.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith(COOKIE + "=;")
                .contains("Max-Age=0", "Path=/api/auth/console");
        assertThat(platform.withToken(token).get("/api/auth/me").statusCode()).isEqualTo(401);
        assertThat(refresh(cookie(signedIn)).statusCode()).isEqualTo(401);
    }

    @Test
    void theConsoleIsServedFromTheGatewayWithAPolicyAllowingNoInlineScriptAndNoOtherOrigin() {
        HttpResponse<String> root = platform.anonymous().get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/console/");

        HttpResponse<String> page = platform.anonymous().get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                        + " connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none';"
                        + " form-action 'self'; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\"></script>");
        assertThat(page.body().replace("<script type=\"module\" src=\"js/main.js\"></script>", ""))
                .doesNotContain("<script")
                .doesNotContain("http://")
                .doesNotContain("https://");

        assertThat(platform.anonymous().get("/webjars/uplot/dist/uPlot.esm.js").statusCode())
                .isEqualTo(200);
        assertThat(platform.anonymous().get("/console/js/api.js").statusCode()).isEqualTo(200);
    }

    @Test
    void operatorsListOneCustomersOrdersAndACustomerOnlyEverItsOwn() {
        TestPlatform.Client first = platform.newCustomer();
        TestPlatform.Client second = platform.newCustomer();
        String firstOrder = first.placeOrder("[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");
        String secondOrder =
                second.placeOrder("[{\"productId\":\"PROD-008\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");

        JsonNode firsts = read(
                platform.admin().get("/api/orders?customerId=" + first.id()).body());
        assertThat(firsts.get("total").asLong()).isEqualTo(1);
        assertThat(firsts.get("items").get(0).get("orderId").asString()).isEqualTo(firstOrder);

        JsonNode asked = read(second.get("/api/orders?customerId=" + first.id()).body());
        assertThat(asked.get("total").asLong()).isEqualTo(1);
        assertThat(asked.get("items").get(0).get("orderId").asString()).isEqualTo(secondOrder);
    }

    private static HttpResponse<String> consoleSignIn(String email) {
        return platform.anonymous()
                .post(
                        "/api/auth/console/signin",
                        "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, TestPlatform.PASSWORD),
                        Map.of());
    }

    private static HttpResponse<String> refresh(String cookie) {
        return platform.anonymous().post("/api/auth/console/refresh", null, Map.of("Cookie", COOKIE + "=" + cookie));
    }

    /** The session cookie's value in the answer's Set-Cookie. */
    private static String cookie(HttpResponse<String> answer) {
        String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(COOKIE.length() + 1, setCookie.indexOf(';'));
    }
}
