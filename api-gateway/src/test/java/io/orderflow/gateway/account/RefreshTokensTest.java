package io.orderflow.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.security.SecurityProperties;
import io.orderflow.gateway.security.TestSecurity;
import io.orderflow.gateway.support.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Refresh tokens in a real PostgreSQL (the gateway's tables, from its migrations), on a clock the tests move: each
 * use rotates the token, a used token presented again revokes its whole session, a token expires unused after
 * {@code refresh-token-ttl} (14 days), and signing out, disabling the account or changing its role ends the session.
 */
class RefreshTokensTest {

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-03-01T09:00:00Z"));
    private final SecurityProperties properties = TestSecurity.properties(TestSecurity.DEFAULT_SIGN_IN);
    private final AccountStore accounts = new AccountStore(jdbc);
    private final RefreshTokens tokens = new RefreshTokens(jdbc, accounts, properties, clock);
    private Account alice;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
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
    void anAccount() {
        jdbc.sql("delete from account").update();
        alice = accounts.create("alice@example.com", "Alice", "{noop}x", Role.CUSTOMER)
                .orElseThrow();
    }

    @Test
    void eachUseGivesTheNextTokenOfTheSameSession() {
        RefreshTokens.Issued first = tokens.start(alice);

        RefreshTokens.Issued second = rotated(tokens.use(first.token()));
        RefreshTokens.Issued third = rotated(tokens.use(second.token()));

        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(third.token()).isNotEqualTo(second.token());
        assertThat(third.session()).isEqualTo(first.session());
        assertThat(third.expiresIn()).isEqualTo(Duration.ofDays(14).toSeconds());
    }

    @Test
    void aUsedTokenPresentedAgainRevokesTheWholeSession() {
        RefreshTokens.Issued first = tokens.start(alice);
        RefreshTokens.Issued second = rotated(tokens.use(first.token()));

        assertThat(refused(tokens.use(first.token()))).contains("was used before, so it may have been copied");
        assertThat(refused(tokens.use(second.token()))).contains("session that has ended");
    }

    @Test
    void anotherSessionOfTheSameAccountLivesOn() {
        RefreshTokens.Issued stolen = tokens.start(alice);
        RefreshTokens.Issued laptop = tokens.start(alice);
        rotated(tokens.use(stolen.token()));
        refused(tokens.use(stolen.token()));

        assertThat(tokens.use(laptop.token())).isInstanceOf(RefreshTokens.Outcome.Rotated.class);
    }

    @Test
    void aTokenExpiresUnused() {
        RefreshTokens.Issued kept = tokens.start(alice);
        RefreshTokens.Issued late = tokens.start(alice);

        clock.advance(Duration.ofDays(14).minusSeconds(1));
        rotated(tokens.use(kept.token()));
        clock.advance(Duration.ofSeconds(1));

        assertThat(refused(tokens.use(late.token()))).isEqualTo("has expired; sign in again");
    }

    @Test
    void signingOutEndsTheSession() {
        RefreshTokens.Issued issued = tokens.start(alice);

        tokens.end(issued.session());

        assertThat(refused(tokens.use(issued.token()))).contains("session that has ended");
    }

    @Test
    void disablingTheAccountEndsEverySession() {
        RefreshTokens.Issued one = tokens.start(alice);
        RefreshTokens.Issued two = tokens.start(alice);

        accounts.changeEnabled(alice.id(), false);
        tokens.endAll(alice.id(), "disabled");
        accounts.changeEnabled(alice.id(), true);

        assertThat(refused(tokens.use(one.token()))).contains("session that has ended");
        assertThat(refused(tokens.use(two.token()))).contains("session that has ended");
    }

    @Test
    void aRoleChangeEndsTheSessionEvenBeforeItsFamilyIsRevoked() {
        RefreshTokens.Issued issued = tokens.start(alice);

        accounts.changeRole(alice.id(), Role.ADMIN);

        assertThat(refused(tokens.use(issued.token()))).contains("session that has ended");
    }

    @Test
    void onlyTheHashIsStoredAndAnUnknownTokenIsRefused() {
        RefreshTokens.Issued issued = tokens.start(alice);

        assertThat(jdbc.sql("select token_hash from refresh_token")
                        .query(String.class)
                        .list())
                .containsExactly(RefreshTokens.hash(issued.token()))
                .doesNotContain(issued.token());
        assertThat(refused(tokens.use("not-a-token"))).isEqualTo("is not a refresh token this gateway issued");
    }

    private static RefreshTokens.Issued rotated(RefreshTokens.Outcome outcome) {
        assertThat(outcome).isInstanceOf(RefreshTokens.Outcome.Rotated.class);
        return ((RefreshTokens.Outcome.Rotated) outcome).next();
    }

    private static String refused(RefreshTokens.Outcome outcome) {
        assertThat(outcome).isInstanceOf(RefreshTokens.Outcome.Refused.class);
        return ((RefreshTokens.Outcome.Refused) outcome).why();
    }
}
