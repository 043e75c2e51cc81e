package io.orderflow.gateway.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the verified token: a controller takes it as a parameter.
 *
 * @param id    the token's subject: the account id, or the external issuer's subject
 * @param roles without the {@code ROLE_} prefix
 * @param token the verified token
 */
public record Caller(String id, Set<String> roles, Jwt token) {

    public static final String ADMIN = "ADMIN";
    public static final String CUSTOMER = "CUSTOMER";

    static Caller from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            throw new IllegalStateException("No verified token on a request that needs one");
        }
        Set<String> roles = jwt.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(jwt.getName(), roles, jwt.getToken());
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /** Whether the caller may see and act on something of this customer: its own, or any as an admin. */
    public boolean reaches(String customerId) {
        return isAdmin() || id.equals(customerId);
    }
}
