package io.orderflow.gateway.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signs the short-lived RS256 access tokens of the gateway's own accounts. */
@Component
public class TokenIssuer {

    /** The roles of the subject, without the {@code ROLE_} prefix. */
    public static final String ROLES = "roles";
    /** The account's token version when the token was signed; see {@code account.token_version}. */
    public static final String TOKEN_VERSION = "ver";
    /** The session (refresh token family) the token was issued in; sign-out ends it. */
    public static final String SESSION = "sid";

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final SecurityProperties properties;

    private final Clock clock;

    TokenIssuer(SigningKeys keys, SecurityProperties properties, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signingKey())));
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A token naming the account as its subject.
     *
     * @param tokenVersion the account's current token version
     */
    public IssuedToken issue(String accountId, String role, int tokenVersion) {
        return issue(accountId, role, tokenVersion, null);
    }

    /**
     * A token naming the account as its subject, issued in a session that refresh tokens keep going.
     *
     * @param session the session's id, or null for a token outside any session
     */
    public IssuedToken issue(String accountId, String role, int tokenVersion, UUID session) {
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(accountId)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .claim(ROLES, List.of(role))
                .claim(TOKEN_VERSION, tokenVersion)
                .claims(all -> {
                    if (session != null) {
                        all.put(SESSION, session.toString());
                    }
                })
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keys.keyId())
                .type("JWT")
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, "Bearer", properties.tokenTtl().toSeconds());
    }

    /** What sign-in answers. */
    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {}
}
