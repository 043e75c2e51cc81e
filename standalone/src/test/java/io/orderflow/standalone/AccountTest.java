package io.orderflow.standalone;

import static io.orderflow.standalone.TestPlatform.PASSWORD;
import static io.orderflow.standalone.TestPlatform.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Accounts through the API: sign-up rules, sign-in, tokens, sign-out, lock-out, and what an admin manages. */
@ResourceLock(TestPlatform.SHARED)
class AccountTest {

    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.shared();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no email            | {"name":"Ada","password":"correct horse battery"}                                  | email
            not an email        | {"email":"ada.example.com","name":"Ada","password":"correct horse battery"}        | email
            email as an object  | {"email":{"$ne":null},"name":"Ada","password":"correct horse battery"}             | email
            no name             | {"email":"%s","password":"correct horse battery"}                                  | name
            short password      | {"email":"%s","name":"Ada","password":"too short"}                                 | password
            common password     | {"email":"%s","name":"Ada","password":"password123"}                               | password
            one character       | {"email":"%s","name":"Ada","password":"aaaaaaaaaaaaaaa"}                           | password
            email in password   | {"email":"%s","name":"Ada","password":"my name is %s!"}                            | password
            no password         | {"email":"%s","name":"Ada"}                                                        | password
            """)
    void signUpRefusesBadInputNamingTheFieldAndStoresNothing(String what, String body, String field) {
        String local = "signup-" + UUID.randomUUID();
        String email = local + "@example.com";
        HttpResponse<String> response =
                platform.anonymous().post("/api/auth/signup", body.formatted(email, local), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = read(response.body());
        assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        if (field.equals("password") && !what.equals("no password")) {
            assertThat(problem.get("rules").asString()).contains("10 to 128 characters");
        }
        assertThat(platform.jdbc()
                        .queryForObject(
                                "select count(*) from account where lower(email) = lower(?)", Integer.class, email))
                .isZero();
    }

    @Test
    void anEmailBelongsToOneAccountWhateverItsCase() {
        String email = "Grace.Hopper-" + UUID.randomUUID() + "@Example.com";
        assertThat(signUp(email).statusCode()).isEqualTo(201);

        HttpResponse<String> again = signUp(email.toLowerCase());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(read(again.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("email");
        assertThat(platform.signIn(email.toUpperCase(), PASSWORD, Map.of()).statusCode())
                .as("sign-in ignores case too")
                .isEqualTo(200);
    }

    @Test
    void signInFailureDoesNotSayWhetherTheEmailOrThePasswordWasWrong() {
        TestPlatform.Client account = platform.newCustomer();

        HttpResponse<String> wrongPassword =
                platform.signIn(account.email(), "not the password at all", from("198.51.100.1"));
        HttpResponse<String> unknownEmail =
                platform.signIn("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD, from("198.51.100.2"));

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(read(wrongPassword.body())).isEqualTo(read(unknownEmail.body()));
    }

    @Test
    void tokenIsAShortLivedRs256JwtVerifiableWithThePublishedKeys() throws Exception {
        TestPlatform.Client account = platform.newCustomer();
        SignedJWT token = SignedJWT.parse(account.token());
        JWKSet keys =
                JWKSet.parse(platform.anonymous().get("/.well-known/jwks.json").body());

        RSAKey key = (RSAKey) keys.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
        var claims = token.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(account.id());
        assertThat(claims.getIssuer()).isEqualTo("orderflow");
        assertThat(claims.getAudience()).containsExactly("orderflow-api");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(claims.toString()).doesNotContain(PASSWORD).doesNotContain("password");
    }

    @Test
    void meNamesTheSignedInAccount() {
        TestPlatform.Client account = platform.newCustomer();

        JsonNode me = read(account.get("/api/auth/me").body());

        assertThat(me.get("id").asString()).isEqualTo(account.id());
        assertThat(me.get("email").asString()).isEqualTo(account.email());
        assertThat(me.get("roles").get(0).asString()).isEqualTo("CUSTOMER");
        assertThat(me.toString()).doesNotContain("password");
    }

    @Test
    void signOutEndsTheTokenAtOnceAndOnlyThatToken() {
        TestPlatform.Client account = platform.newCustomer();
        TestPlatform.Client otherDevice = platform.signedIn(account.email(), PASSWORD);

        assertThat(account.post("/api/auth/signout", "", Map.of()).statusCode()).isEqualTo(204);

        assertThat(account.get("/api/orders").statusCode()).isEqualTo(401);
        assertThat(account.post("/api/auth/signout", "", Map.of()).statusCode()).isEqualTo(401);
        assertThat(otherDevice.get("/api/orders").statusCode()).isEqualTo(200);
        assertThat(platform.signedIn(account.email(), PASSWORD)
                        .get("/api/orders")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSessionGoesOnWithRotatingRefreshTokensUntilOneIsReusedOrItSignsOut() {
        TestPlatform.Client customer = platform.newCustomer();
        JsonNode signedIn = read(platform.signIn(customer.email(), PASSWORD, from("198.51.100.40"))
                .body());
        String first = signedIn.get("refreshToken").asString();
        assertThat(signedIn.get("refreshExpiresIn").asLong()).isEqualTo(14 * 24 * 3600);

        HttpResponse<String> refreshed = refresh(first);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode next = read(refreshed.body());
        String second = next.get("refreshToken").asString();
        TestPlatform.Client renewed = platform.withToken(next.get("accessToken").asString());
        assertThat(renewed.get("/api/orders").statusCode()).isEqualTo(200);

        HttpResponse<String> reused = refresh(first);
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(read(reused.body()).get("detail").asString()).contains("was used before");
        assertThat(refresh(second).statusCode())
                .as("the whole session is revoked")
                .isEqualTo(401);

        JsonNode again = read(platform.signIn(customer.email(), PASSWORD, from("198.51.100.41"))
                .body());
        assertThat(platform.withToken(again.get("accessToken").asString())
                        .post("/api/auth/signout", "", Map.of())
                        .statusCode())
                .isEqualTo(204);
        assertThat(refresh(again.get("refreshToken").asString()).statusCode())
                .as("signing out ends the session")
                .isEqualTo(401);
        assertThat(refresh("").statusCode()).isEqualTo(400);
    }

    @Test
    void disablingAnAccountEndsItsSessions() {
        TestPlatform.Client customer = platform.newCustomer();
        String refreshToken = read(platform.signIn(customer.email(), PASSWORD, from("198.51.100.42"))
                        .body())
                .get("refreshToken")
                .asString();

        platform.admin().post("/api/admin/users/" + customer.id() + "/disable", "", Map.of());
        platform.admin().post("/api/admin/users/" + customer.id() + "/enable", "", Map.of());

        assertThat(refresh(refreshToken).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> refresh(String refreshToken) {
        return platform.anonymous().post("/api/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}", Map.of());
    }

    @Test
    void repeatedFailuresOnAnAccountAreSlowedDownThenLockedOutEvenForTheRightPassword() throws InterruptedException {
        TestPlatform.Client account = platform.newCustomer();
        Map<String, String> address = from("198.51.100.10");
        for (int i = 0; i < TestPlatform.ACCOUNT_SLOW_AFTER; i++) {
            assertThat(platform.signIn(account.email(), "wrong password " + i, address)
                            .statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> tooSoon = platform.signIn(account.email(), PASSWORD, address);
        assertThat(tooSoon.statusCode())
                .as("slowed down: even the right password must wait")
                .isEqualTo(429);
        long wait = Long.parseLong(tooSoon.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wait).isBetween(1L, 2L);
        assertThat(read(tooSoon.body()).get("type").asString()).endsWith("/too-many-requests");

        for (int failure = TestPlatform.ACCOUNT_SLOW_AFTER; failure < TestPlatform.ACCOUNT_LOCK_AFTER; failure++) {
            Thread.sleep(Duration.ofSeconds(wait).toMillis() + 100);
            HttpResponse<String> failed = platform.signIn(account.email(), "wrong again", address);
            assertThat(failed.statusCode()).isEqualTo(401);
            HttpResponse<String> next = platform.signIn(account.email(), "wrong again", address);
            assertThat(next.statusCode()).isEqualTo(429);
            wait = Long.parseLong(next.headers().firstValue("Retry-After").orElseThrow());
        }

        assertThat(wait).as("locked for the lock duration").isGreaterThan(800);
        HttpResponse<String> rightPassword = platform.signIn(account.email(), PASSWORD, from("198.51.100.11"));
        assertThat(rightPassword.statusCode()).as("locked from every address").isEqualTo(429);
        assertThat(account.get("/api/orders").statusCode())
                .as("tokens already held go on working")
                .isEqualTo(200);
        assertThat(platform.signIn(platform.newCustomer().email(), PASSWORD, address)
                        .statusCode())
                .as("other accounts from the same address are not locked")
                .isEqualTo(200);
    }

    @Test
    void repeatedFailuresFromAnAddressAreSlowedDownThenLockedOutAcrossAccounts() throws InterruptedException {
        Map<String, String> address = from("203.0.113.77");
        // signed up first: a sign-up between the failures and the attempt could outlast the 1 s wait
        TestPlatform.Client victim = platform.newCustomer();
        for (int i = 0; i < TestPlatform.ADDRESS_SLOW_AFTER; i++) {
            assertThat(platform.signIn("guess-" + i + "-" + UUID.randomUUID() + "@example.com", PASSWORD, address)
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> tooSoon = platform.signIn(victim.email(), PASSWORD, address);
        assertThat(tooSoon.statusCode()).isEqualTo(429);

        long wait = Long.parseLong(tooSoon.headers().firstValue("Retry-After").orElseThrow());
        for (int failure = TestPlatform.ADDRESS_SLOW_AFTER; failure < TestPlatform.ADDRESS_LOCK_AFTER; failure++) {
            Thread.sleep(Duration.ofSeconds(wait).toMillis() + 100);
            assertThat(platform.signIn("guess-" + UUID.randomUUID() + "@example.com", PASSWORD, address)
                            .statusCode())
                    .isEqualTo(401);
            HttpResponse<String> next = platform.signIn(victim.email(), PASSWORD, address);
            assertThat(next.statusCode()).isEqualTo(429);
            wait = Long.parseLong(next.headers().firstValue("Retry-After").orElseThrow());
        }

        assertThat(wait).isGreaterThan(800);
        assertThat(platform.signIn(victim.email(), PASSWORD, from("203.0.113.78"))
                        .statusCode())
                .as("the account itself is not locked")
                .isEqualTo(200);
    }

    @Test
    void seededAdminHasTheAdminRole() {
        JsonNode me = read(platform.admin().get("/api/auth/me").body());

        assertThat(me.get("email").asString()).isEqualTo(TestPlatform.ADMIN_EMAIL);
        assertThat(me.get("roles").get(0).asString()).isEqualTo("ADMIN");
    }

    @Test
    void adminFindsAnAccountByEmailAndById() {
        TestPlatform.Client account = platform.newCustomer();

        JsonNode page = read(platform.admin()
                .get("/api/admin/users?email=" + account.email().toUpperCase())
                .body());
        JsonNode found =
                read(platform.admin().get("/api/admin/users/" + account.id()).body());

        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(account.id());
        assertThat(found.get("email").asString()).isEqualTo(account.email());
        assertThat(found.get("role").asString()).isEqualTo("CUSTOMER");
        assertThat(page.toString() + found).doesNotContain("password").doesNotContain("{bcrypt}");
        assertThat(platform.admin().get("/api/admin/users/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(read(platform.admin().get("/api/admin/users?role=ADMIN").body())
                        .get("items")
                        .findValuesAsString("role"))
                .containsOnly("ADMIN");
    }

    @Test
    void aRoleChangeTakesEffectAtOnce() {
        TestPlatform.Client account = platform.newCustomer();
        assertThat(account.get("/api/admin/projections").statusCode()).isEqualTo(403);

        HttpResponse<String> changed = platform.admin()
                .send("PUT", "/api/admin/users/" + account.id() + "/role", "{\"role\":\"ADMIN\"}", Map.of());

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(read(changed.body()).get("role").asString()).isEqualTo("ADMIN");
        assertThat(account.get("/api/orders").statusCode())
                .as("the token with the old role ends")
                .isEqualTo(401);
        assertThat(platform.signedIn(account.email(), PASSWORD)
                        .get("/api/admin/projections")
                        .statusCode())
                .isEqualTo(200);
        assertThat(platform.admin()
                        .send("PUT", "/api/admin/users/" + account.id() + "/role", "{\"role\":\"ROOT\"}", Map.of())
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aDisabledAccountCannotSignInAndItsTokensStop() {
        TestPlatform.Client account = platform.newCustomer();

        assertThat(platform.admin()
                        .post("/api/admin/users/" + account.id() + "/disable", "", Map.of())
                        .statusCode())
                .isEqualTo(200);

        assertThat(account.get("/api/orders").statusCode()).isEqualTo(401);
        HttpResponse<String> signIn = platform.signIn(account.email(), PASSWORD, from("198.51.100.30"));
        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(read(signIn.body()).get("detail").asString())
                .as("the same words as a wrong password")
                .isEqualTo("The email or password is wrong, or the account is disabled");

        assertThat(platform.admin()
                        .post("/api/admin/users/" + account.id() + "/enable", "", Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(platform.signIn(account.email(), PASSWORD, from("198.51.100.32"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAdminCannotDisableOrDemoteItself() {
        String adminId =
                read(platform.admin().get("/api/auth/me").body()).get("id").asString();

        assertThat(platform.admin()
                        .post("/api/admin/users/" + adminId + "/disable", "", Map.of())
                        .statusCode())
                .isEqualTo(409);
        assertThat(platform.admin()
                        .send("PUT", "/api/admin/users/" + adminId + "/role", "{\"role\":\"CUSTOMER\"}", Map.of())
                        .statusCode())
                .isEqualTo(409);
        assertThat(platform.admin().get("/api/admin/projections").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> signUp(String email) {
        return platform.anonymous()
                .post(
                        "/api/auth/signup",
                        "{\"email\":\"%s\",\"name\":\"Grace\",\"password\":\"%s\"}".formatted(email, PASSWORD),
                        Map.of());
    }

    /** Speaks for another client address, as a proxy in front of the gateway would. */
    private static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }
}
