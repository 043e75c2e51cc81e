package io.orderflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.gateway.support.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The checks of the gateway's own tokens, as {@link SecurityConfiguration#ownDecoder} makes them and
 * {@link TokenIssuer} signs them, both on an injected clock: a token holds from its issue until its expiry, with
 * the minute of clock skew Spring allows either side, and only when it is this gateway's signature, issuer and
 * audience. The clock is moved, never waited for.
 */
class OwnTokenChecksTest {

    private static final Instant ISSUED = Instant.parse("2030-03-01T09:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofSeconds(60);

    private static SigningKeys keys;
    private static SigningKeys otherKeys;

    private final MutableClock clock = new MutableClock(ISSUED);
    private final SecurityProperties properties = TestSecurity.properties("orderflow", "orderflow-api", TTL);
    private final JwtDecoder decoder = SecurityConfiguration.ownDecoder(keys, properties, List.of(), clock);

    @BeforeAll
    static void keyPairs(@TempDir Path ours, @TempDir Path theirs) {
        keys = SigningKeys.from(new SecurityProperties.Keys(null, null, ours));
        otherKeys = SigningKeys.from(new SecurityProperties.Keys(null, null, theirs));
    }

    @Test
    void acceptsATokenAtTheMomentItIsIssued() {
        String token = issue(properties, keys);

        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getSubject()).isEqualTo("account-1");
        assertThat(jwt.getIssuedAt()).isEqualTo(ISSUED);
        assertThat(jwt.getClaimAsStringList(TokenIssuer.ROLES)).containsExactly("CUSTOMER");
    }

    @Test
    void acceptsATokenJustBeforeItExpires() {
        String token = issue(properties, keys);

        clock.advance(TTL.minusSeconds(1));

        assertThat(decoder.decode(token).getSubject()).isEqualTo("account-1");
    }

    @Test
    void acceptsAnExpiredTokenForTheMinuteOfClockSkewOnly() {
        String token = issue(properties, keys);

        clock.set(ISSUED.plus(TTL).plus(SKEW));
        Jwt lastMoment = decoder.decode(token);
        clock.advance(Duration.ofSeconds(1));

        assertThat(lastMoment.getExpiresAt()).isEqualTo(ISSUED.plus(TTL));
        assertRefusedFor(decoder, token, "expired");
    }

    @Test
    void refusesATokenLongAfterItExpired() {
        String token = issue(properties, keys);

        clock.advance(Duration.ofDays(1));

        assertRefusedFor(decoder, token, "expired");
    }

    @Test
    void refusesATokenUsedMoreThanTheClockSkewBeforeItsNotBefore() {
        String token = issue(properties, keys);

        clock.set(ISSUED.minus(SKEW));
        Jwt earliest = decoder.decode(token);
        clock.advance(Duration.ofSeconds(-1));

        assertThat(earliest.getNotBefore()).isEqualTo(ISSUED);
        assertRefusedFor(decoder, token, "used before");
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        String token = issue(TestSecurity.properties("someone-else", "orderflow-api", TTL), keys);

        assertRefusedFor(decoder, token, "The iss claim is not valid");
    }

    @Test
    void refusesATokenForAnotherAudience() {
        String token = issue(TestSecurity.properties("orderflow", "another-api", TTL), keys);

        assertRefusedFor(decoder, token, "The aud claim is not valid");
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String token = issue(properties, otherKeys);

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(BadJwtException.class)
                .isNotInstanceOf(JwtValidationException.class);
    }

    @Test
    void refusesATokenAFurtherCheckRefuses() {
        OAuth2TokenValidator<Jwt> signedOut =
                jwt -> OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "signed out", null));
        JwtDecoder checked = SecurityConfiguration.ownDecoder(keys, properties, List.of(signedOut), clock);
        String token = issue(properties, keys);

        assertRefusedFor(checked, token, "signed out");
    }

    @Test
    void issuesATokenThatLastsTheConfiguredTimeFromItsClock() {
        var issuer = new TokenIssuer(
                keys, TestSecurity.properties("orderflow", "orderflow-api", Duration.ofMinutes(5)), clock);

        TokenIssuer.IssuedToken issued = issuer.issue("account-1", "ADMIN", 3);
        Jwt jwt = decoder.decode(issued.accessToken());

        assertThat(issued.expiresIn()).isEqualTo(300);
        assertThat(issued.tokenType()).isEqualTo("Bearer");
        assertThat(jwt.getIssuedAt()).isEqualTo(ISSUED);
        assertThat(jwt.getNotBefore()).isEqualTo(ISSUED);
        assertThat(jwt.getExpiresAt()).isEqualTo(ISSUED.plus(Duration.ofMinutes(5)));
        assertThat(jwt.getClaims().get(TokenIssuer.TOKEN_VERSION)).isEqualTo(3L);
        assertThat(new TokenIssuer(keys, properties, clock)
                        .issue("account-1", "ADMIN", 0)
                        .expiresIn())
                .isEqualTo(TTL.toSeconds());
    }

    /** Refused for this one reason only. */
    private static void assertRefusedFor(JwtDecoder decoder, String token, String reason) {
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOfSatisfying(
                        JwtValidationException.class,
                        refused -> assertThat(refused.getErrors())
                                .extracting(OAuth2Error::getDescription)
                                .singleElement()
                                .asString()
                                .contains(reason));
    }

    /** A token issued at the clock's present, with the issuer and audience of the properties given. */
    private String issue(SecurityProperties as, SigningKeys with) {
        return new TokenIssuer(with, as, clock)
                .issue("account-1", "CUSTOMER", 0)
                .accessToken();
    }
}
