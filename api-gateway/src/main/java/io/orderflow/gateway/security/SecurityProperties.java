package io.orderflow.gateway.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Who may call the API and how they prove it ({@code orderflow.security.*}).
 *
 * @param issuer   the {@code iss} of the tokens this gateway signs, and the one it accepts for them
 * @param audience the {@code aud} every accepted token must carry
 * @param tokenTtl how long a signed-in token lasts
 * @param refreshTokenTtl how long a refresh token lasts unused; each use gives a new one, so a session lasts while it
 *     is used at least this often
 * @param keys     the RS256 key pair that signs tokens
 * @param external a second, external issuer (Keycloak, Auth0) whose tokens are accepted too
 * @param signIn   how repeated failed sign-ins are slowed down and locked out
 * @param admin    the ADMIN account seeded on first start
 * @param metricsScrapeToken a secret bearer token that reaches {@code GET /actuator/prometheus} and nothing else, for
 *     Prometheus ({@code authorization: credentials_file:}); none: metrics need an ADMIN token
 */
@ConfigurationProperties("orderflow.security")
public record SecurityProperties(
        @DefaultValue("orderflow") String issuer,
        @DefaultValue("orderflow-api") String audience,
        @DefaultValue("15m") Duration tokenTtl,
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue Keys keys,
        @DefaultValue External external,
        @DefaultValue SignIn signIn,
        @DefaultValue Admin admin,
        String metricsScrapeToken) {

    /** The shortest scrape token accepted: 32 characters, as long as a random 192-bit secret in base64. */
    public static final int SCRAPE_TOKEN_MIN_LENGTH = 32;

    public SecurityProperties {
        if (metricsScrapeToken != null
                && !metricsScrapeToken.isEmpty()
                && metricsScrapeToken.length() < SCRAPE_TOKEN_MIN_LENGTH) {
            throw new IllegalArgumentException("orderflow.security.metrics-scrape-token must be at least "
                    + SCRAPE_TOKEN_MIN_LENGTH + " characters (for example: openssl rand -base64 32)");
        }
    }

    /**
     * Either both PEM locations, or a directory where a key pair is generated on first start and kept.
     *
     * @param privateKey PKCS#8 PEM of the RSA private key ({@code file:/...} or {@code classpath:...})
     * @param publicKey  X.509 PEM of its public key
     * @param directory  where the generated pair is kept when no PEM is configured
     */
    public record Keys(Resource privateKey, Resource publicKey, Path directory) {}

    /**
     * Tokens of an external OpenID Connect issuer. Off while {@code issuerUri} is unset.
     *
     * @param issuerUri  the issuer as it appears in the tokens' {@code iss}; its discovery document names the keys
     * @param jwkSetUri  the issuer's key set, to skip discovery
     * @param audience   the {@code aud} its tokens carry for this API; the gateway's own audience when unset
     * @param rolesClaim where the roles are, as a dotted path: {@code roles}, {@code realm_access.roles} (Keycloak),
     *                   or a namespaced claim (Auth0)
     */
    public record External(
            URI issuerUri,
            URI jwkSetUri,
            String audience,
            @DefaultValue("roles") String rolesClaim) {

        public boolean enabled() {
            return issuerUri != null;
        }
    }

    /**
     * After {@code slowAfter} failures within {@code window}, the next attempt must wait {@code backoff}, doubled at
     * every further failure (answered 429 with {@code Retry-After} when it comes sooner); after {@code lockAfter}
     * failures every attempt is refused for {@code lockDuration}. Counted per account and per client address.
     */
    public record SignIn(
            @DefaultValue("5") int accountSlowAfter,
            @DefaultValue("10") int accountLockAfter,
            @DefaultValue("20") int addressSlowAfter,
            @DefaultValue("50") int addressLockAfter,
            @DefaultValue("1s") Duration backoff,
            @DefaultValue("15m") Duration lockDuration,
            @DefaultValue("15m") Duration window) {}

    /**
     * The first ADMIN. Created on start when no ADMIN exists; without a password one is generated and printed once.
     */
    public record Admin(
            @DefaultValue("admin@orderflow.local") String email,
            String password,
            @DefaultValue("OrderFlow Admin") String name) {}
}
