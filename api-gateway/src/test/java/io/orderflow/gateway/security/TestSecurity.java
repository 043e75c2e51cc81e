package io.orderflow.gateway.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Security settings and a real {@link TokenIssuer} for tests outside this package. {@link SecurityProperties} built
 * here carries the same defaults its {@code @DefaultValue}s give a bound one, except where a test sets its own.
 */
public final class TestSecurity {

    /** What {@code orderflow.security.sign-in.*} defaults to. */
    public static final SecurityProperties.SignIn DEFAULT_SIGN_IN = new SecurityProperties.SignIn(
            5, 10, 20, 50, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15));

    private TestSecurity() {}

    public static SecurityProperties properties(String issuer, String audience, Duration tokenTtl) {
        return properties(issuer, audience, tokenTtl, DEFAULT_SIGN_IN);
    }

    public static SecurityProperties properties(SecurityProperties.SignIn signIn) {
        return properties("orderflow", "orderflow-api", Duration.ofMinutes(15), signIn);
    }

    /** An issuer signing with a key pair generated in, or read from, the directory given. */
    public static TokenIssuer tokenIssuer(Path keyDirectory, SecurityProperties properties, Clock clock) {
        return new TokenIssuer(
                SigningKeys.from(new SecurityProperties.Keys(null, null, keyDirectory)), properties, clock);
    }

    private static SecurityProperties properties(
            String issuer, String audience, Duration tokenTtl, SecurityProperties.SignIn signIn) {
        return new SecurityProperties(
                issuer,
                audience,
                tokenTtl,
                Duration.ofDays(14),
                new SecurityProperties.Keys(null, null, null),
                new SecurityProperties.External(null, null, null, "roles"),
                signIn,
                new SecurityProperties.Admin("admin@orderflow.local", null, "OrderFlow Admin"),
                null);
    }
}
