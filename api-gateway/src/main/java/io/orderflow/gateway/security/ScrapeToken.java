package io.orderflow.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * The metrics scrape token: a secret from configuration that Prometheus sends as its bearer token. On {@code GET
 * /actuator/prometheus} it signs the request in with the {@code METRICS} role and nothing more; anywhere else, and
 * for any other bearer token, the gateway's usual token checks decide. Compared in constant time.
 */
final class ScrapeToken {

    private ScrapeToken() {}

    static AuthenticationManagerResolver<HttpServletRequest> acceptedOnPrometheus(
            AuthenticationManagerResolver<HttpServletRequest> tokens, String scrapeToken) {
        if (scrapeToken == null || scrapeToken.isEmpty()) {
            return tokens;
        }
        byte[] secret = scrapeToken.getBytes(StandardCharsets.UTF_8);
        return request -> {
            AuthenticationManager usual = tokens.resolve(request);
            if (!SecurityConfiguration.PROMETHEUS.equals(request.getRequestURI())) {
                return usual;
            }
            return authentication -> {
                if (authentication instanceof BearerTokenAuthenticationToken bearer
                        && MessageDigest.isEqual(secret, bearer.getToken().getBytes(StandardCharsets.UTF_8))) {
                    return UsernamePasswordAuthenticationToken.authenticated(
                            "prometheus",
                            null,
                            List.of(new SimpleGrantedAuthority("ROLE_" + SecurityConfiguration.METRICS)));
                }
                return usual.authenticate(authentication);
            };
        };
    }
}
