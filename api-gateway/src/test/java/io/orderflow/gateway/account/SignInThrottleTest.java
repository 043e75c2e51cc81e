package io.orderflow.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.orderflow.gateway.problem.TooManyRequestsException;
import io.orderflow.gateway.problem.UnauthorizedException;
import io.orderflow.gateway.security.SecurityProperties;
import io.orderflow.gateway.security.TestSecurity;
import io.orderflow.gateway.support.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How failed sign-ins slow down and then lock out password guessing, per account and per client address, counted
 * in a real PostgreSQL (the gateway's tables, from the platform's migration) on a clock the tests move. With the
 * default settings: an account is slowed down after 5 failures, with a wait of 1 s that doubles at every further
 * failure, and locked for 15 minutes after 10; an address is slowed down after 20 and locked after 50; a count
 * starts again 15 minutes after its last failure.
 */
class SignInThrottleTest {

    private static final String ALICE = "alice@example.com";
    private static final String ADDRESS = "203.0.113.7";
    private static final String OTHER_ADDRESS = "198.51.100.9";
    private static final String PASSWORD = "correct horse battery staple";

    /** Where the token signing key pair is generated once and then read, for every test of the class. */
    @TempDir
    static Path keys;

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-03-01T09:00:00Z"));
    private final SecurityProperties properties = TestSecurity.properties(TestSecurity.DEFAULT_SIGN_IN);
    private final SignInThrottle throttle = new SignInThrottle(jdbc, properties, clock);

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        // one connection for the whole class: a new one per statement would cost more than the statement
        DataSource database = new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), true);
        new ResourceDatabasePopulator(
                        new ClassPathResource("db/migration/V4__accounts.sql"),
                        new ClassPathResource("db/migration/V8__refresh_tokens.sql"))
                .execute(database);
        jdbc = JdbcClient.create(database);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void nothingCountedYet() {
        jdbc.sql("delete from sign_in_throttle").update();
        jdbc.sql("delete from account").update();
    }

    @Test
    void letsAnAccountTryAgainAtOnceAfterFourFailures() {
        fail(ALICE, ADDRESS, 4);

        assertAllowed(ALICE, ADDRESS);
    }

    @Test
    void slowsDownAnAccountAfterTheFifthFailure() {
        fail(ALICE, ADDRESS, 5);

        TooManyRequestsException refused = refusal(ALICE, ADDRESS);
        clock.advance(Duration.ofSeconds(1));

        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getBody().getProperties()).containsEntry("retryAfterSeconds", 1L);
        assertAllowed(ALICE, OTHER_ADDRESS);
    }

    @Test
    void doublesTheWaitAtEveryFurtherFailure() {
        fail(ALICE, ADDRESS, 4);
        var waits = new ArrayList<Duration>();

        for (int failure = 5; failure <= 9; failure++) {
            throttle.failed(ALICE, ADDRESS);
            waits.add(exactWait(ALICE, OTHER_ADDRESS));
        }

        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16));
    }

    @Test
    void neverSlowsDownLongerThanALockLasts() {
        var slowFromTheSecond = new SecurityProperties.SignIn(
                2, 100, 1000, 1000, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1));
        var patient = new SignInThrottle(jdbc, TestSecurity.properties(slowFromTheSecond), clock);
        var waits = new ArrayList<Duration>();

        for (int failure = 1; failure <= 7; failure++) {
            patient.failed(ALICE, ADDRESS);
            waits.add(exactWait(patient, ALICE, ADDRESS));
        }

        assertThat(waits)
                .containsExactly(
                        Duration.ZERO,
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15));
    }

    @Test
    void roundsTheWaitUpToWholeSeconds() {
        fail(ALICE, ADDRESS, 6);
        var retryAfter = new ArrayList<Long>();

        for (long millis : List.of(0L, 500L, 1000L, 1999L)) {
            clock.advance(Duration.ofMillis(millis));
            retryAfter.add(retryAfterSeconds(refusal(ALICE, ADDRESS)));
            clock.advance(Duration.ofMillis(-millis));
        }

        assertThat(retryAfter).containsExactly(2L, 2L, 1L, 1L);
    }

    @Test
    void locksAnAccountForFifteenMinutesAfterTheTenthFailure() {
        fail(ALICE, ADDRESS, 10);

        long atOnce = retryAfterSeconds(refusal(ALICE, OTHER_ADDRESS));
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        long aSecondBeforeTheEnd = retryAfterSeconds(refusal(ALICE, OTHER_ADDRESS));
        clock.advance(Duration.ofSeconds(1));

        assertThat(atOnce).isEqualTo(900);
        assertThat(aSecondBeforeTheEnd).isEqualTo(1);
        assertAllowed(ALICE, OTHER_ADDRESS);
    }

    @Test
    void aLockThatRanOutStartsTheCountAgain() {
        fail(ALICE, ADDRESS, 10);
        clock.advance(Duration.ofMinutes(15));

        throttle.failed(ALICE, ADDRESS);

        assertAllowed(ALICE, ADDRESS);
        assertThat(failuresOf("account:" + ALICE)).isEqualTo(1);
    }

    @Test
    void slowsDownAnAddressAfterTwentyFailuresAcrossAccounts() {
        for (int account = 1; account <= 19; account++) {
            throttle.failed("guess-" + account + "@example.com", ADDRESS);
        }
        assertAllowed(ALICE, ADDRESS);

        throttle.failed("guess-20@example.com", ADDRESS);

        assertThat(retryAfterSeconds(refusal(ALICE, ADDRESS))).isEqualTo(1);
        assertAllowed(ALICE, OTHER_ADDRESS);
    }

    @Test
    void locksAnAddressForFifteenMinutesAfterFiftyFailuresAcrossAccounts() {
        for (int account = 1; account <= 50; account++) {
            throttle.failed("guess-" + account + "@example.com", ADDRESS);
        }

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        long aSecondBeforeTheEnd = retryAfterSeconds(refusal(ALICE, ADDRESS));
        clock.advance(Duration.ofSeconds(1));

        assertThat(aSecondBeforeTheEnd).isEqualTo(1);
        assertAllowed(ALICE, ADDRESS);
    }

    @Test
    void startsTheCountAgainOnceTheWindowHasPassedSinceTheLastFailure() {
        fail(ALICE, ADDRESS, 4);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        fail(ALICE, ADDRESS, 4);
        assertAllowed(ALICE, ADDRESS);
        throttle.failed(ALICE, ADDRESS);

        assertThat(retryAfterSeconds(refusal(ALICE, ADDRESS))).isEqualTo(1);
    }

    @Test
    void keepsCountingWhileEachFailureComesWithinTheWindowOfTheLast() {
        for (int failure = 1; failure <= 5; failure++) {
            throttle.failed(ALICE, ADDRESS);
            clock.advance(Duration.ofMinutes(10));
        }
        clock.advance(Duration.ofMinutes(-10));

        assertThat(retryAfterSeconds(refusal(ALICE, ADDRESS))).isEqualTo(1);
    }

    @Test
    void aSuccessClearsTheAccountsCountButNotTheAddresss() {
        fail(ALICE, ADDRESS, 4);
        for (int account = 1; account <= 15; account++) {
            throttle.failed("guess-" + account + "@example.com", ADDRESS);
        }

        throttle.succeeded(ALICE);
        throttle.failed(ALICE, ADDRESS);

        assertAllowed(ALICE, OTHER_ADDRESS);
        assertThat(failuresOf("account:" + ALICE)).isEqualTo(1);
        assertThat(retryAfterSeconds(refusal(ALICE, ADDRESS)))
                .as("the address's 20th failure")
                .isEqualTo(1);
    }

    @Test
    void countsAnEmailWhateverItsCase() {
        fail("Alice@Example.COM", ADDRESS, 5);

        assertThat(retryAfterSeconds(refusal(ALICE, OTHER_ADDRESS))).isEqualTo(1);
    }

    @Test
    void refusesTheRightPasswordWhileTheAccountIsSlowedDown() {
        Accounts accounts = accounts();
        store().create(ALICE, "Alice", encoder().encode(PASSWORD), Role.CUSTOMER);
        for (int attempt = 1; attempt <= 5; attempt++) {
            signInRefusal(accounts, ALICE, "not the password", ADDRESS);
        }

        RuntimeException whileSlowed = signInRefusal(accounts, ALICE, PASSWORD, ADDRESS);
        clock.advance(Duration.ofSeconds(1));
        SignedIn signedIn = accounts.signIn(ALICE, PASSWORD, ADDRESS);

        assertThat(whileSlowed).isInstanceOf(TooManyRequestsException.class);
        assertThat(signedIn.accessToken()).isNotBlank();
        assertThat(failuresOf("account:" + ALICE)).as("cleared by the success").isNull();
        assertThat(failuresOf("address:" + ADDRESS)).isEqualTo(5);
    }

    @Test
    void countsAnEmailWithoutAnAccountLikeOneWithAnAccount() {
        Accounts accounts = accounts();
        store().create(ALICE, "Alice", encoder().encode(PASSWORD), Role.CUSTOMER);
        var known = new ArrayList<String>();
        var unknown = new ArrayList<String>();

        for (int attempt = 1; attempt <= 6; attempt++) {
            known.add(answer(signInRefusal(accounts, ALICE, "not the password", ADDRESS)));
            unknown.add(answer(signInRefusal(accounts, "nobody@example.com", "not the password", OTHER_ADDRESS)));
        }

        assertThat(unknown).isEqualTo(known);
        assertThat(known)
                .startsWith("401 The email or password is wrong, or the account is disabled")
                .endsWith("429 Too many failed sign-ins; try again later; Retry-After 1");
        assertThat(failuresOf("account:nobody@example.com")).isEqualTo(5);
    }

    private void fail(String email, String address, int times) {
        for (int failure = 0; failure < times; failure++) {
            throttle.failed(email, address);
        }
    }

    private void assertAllowed(String email, String address) {
        assertThatNoException()
                .as("%s from %s may try now", email, address)
                .isThrownBy(() -> throttle.check(email, address));
    }

    private TooManyRequestsException refusal(String email, String address) {
        TooManyRequestsException refused = refusal(throttle, email, address);
        assertThat(refused).as("%s from %s must wait", email, address).isNotNull();
        return refused;
    }

    private Duration exactWait(String email, String address) {
        return exactWait(throttle, email, address);
    }

    /**
     * How long from now the attempt is refused, to the millisecond: refused a millisecond before the wait it is
     * told, and let through at its end. The clock is set back afterwards.
     */
    private Duration exactWait(SignInThrottle throttle, String email, String address) {
        Instant now = clock.instant();
        TooManyRequestsException refused = refusal(throttle, email, address);
        if (refused == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(retryAfterSeconds(refused));
        clock.set(now.plus(wait).minusMillis(1));
        TooManyRequestsException justBefore = refusal(throttle, email, address);
        clock.set(now.plus(wait));
        TooManyRequestsException atTheEnd = refusal(throttle, email, address);
        clock.set(now);
        assertThat(justBefore).as("refused until %s", wait).isNotNull();
        assertThat(atTheEnd).as("let through after %s", wait).isNull();
        return wait;
    }

    private static TooManyRequestsException refusal(SignInThrottle throttle, String email, String address) {
        return catchThrowableOfType(TooManyRequestsException.class, () -> throttle.check(email, address));
    }

    private static long retryAfterSeconds(TooManyRequestsException refused) {
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo(refused.getBody()
                        .getProperties()
                        .get("retryAfterSeconds")
                        .toString());
        return (Long) refused.getBody().getProperties().get("retryAfterSeconds");
    }

    private static Integer failuresOf(String subject) {
        return jdbc.sql("select failures from sign_in_throttle where subject = ?")
                .param(subject)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    private Accounts accounts() {
        return new Accounts(
                store(),
                encoder(),
                throttle,
                TestSecurity.tokenIssuer(keys, properties, clock),
                new RefreshTokens(jdbc, store(), properties, clock));
    }

    private static AccountStore store() {
        return new AccountStore(jdbc);
    }

    /** BCrypt as the gateway uses it, at its cheapest strength so that a test signs in fast. */
    private static PasswordEncoder encoder() {
        return new BCryptPasswordEncoder(4);
    }

    private static RuntimeException signInRefusal(Accounts accounts, String email, String password, String address) {
        RuntimeException refused =
                catchThrowableOfType(RuntimeException.class, () -> accounts.signIn(email, password, address));
        assertThat(refused).as("sign-in of %s refused", email).isNotNull();
        return refused;
    }

    /** What the client is told: status, detail and, on a 429, the wait. */
    private static String answer(RuntimeException refusal) {
        if (refusal instanceof TooManyRequestsException tooMany) {
            return "429 " + tooMany.getBody().getDetail() + "; Retry-After " + retryAfterSeconds(tooMany);
        }
        assertThat(refusal).isInstanceOf(UnauthorizedException.class);
        return "401 " + ((UnauthorizedException) refusal).getBody().getDetail();
    }
}
