package io.orderflow.gateway.account;

import io.orderflow.gateway.security.TokenIssuer;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Refuses a well-signed token of the gateway's own that may no longer be used: signed out, its account disabled or
 * gone, or its role changed since it was signed. One indexed lookup per request.
 */
@Component
class AccountTokenValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2TokenValidatorResult REFUSED = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token is no longer valid", null));

    private final AccountStore store;

    AccountTokenValidator(AccountStore store) {
        this.store = store;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID accountId;
        try {
            accountId = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException notAnAccount) {
            return REFUSED;
        }
        Object version = token.getClaims().get(TokenIssuer.TOKEN_VERSION);
        if (!(version instanceof Number number) || token.getId() == null) {
            return REFUSED;
        }
        return store.standing(accountId, token.getId())
                .filter(standing -> standing.accepts(number.intValue()))
                .map(standing -> OAuth2TokenValidatorResult.success())
                .orElse(REFUSED);
    }
}
