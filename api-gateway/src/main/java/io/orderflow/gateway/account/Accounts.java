package io.orderflow.gateway.account;

import io.orderflow.gateway.problem.ConflictException;
import io.orderflow.gateway.problem.FieldProblem;
import io.orderflow.gateway.problem.InvalidRequestException;
import io.orderflow.gateway.problem.NotFoundException;
import io.orderflow.gateway.problem.UnauthorizedException;
import io.orderflow.gateway.security.TokenIssuer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Signing up, signing in and out, and what an admin may change of an account. */
@Component
class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final String WRONG_CREDENTIALS = "The email or password is wrong, or the account is disabled";

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final TokenIssuer tokens;
    private final RefreshTokens refreshTokens;
    /** Checked against when the email has no account, so a miss costs as long as a wrong password. */
    private final String decoyHash;

    Accounts(
            AccountStore store,
            PasswordEncoder passwords,
            SignInThrottle throttle,
            TokenIssuer tokens,
            RefreshTokens refreshTokens) {
        this.store = store;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    AccountView signUp(String email, String name, String password, Role role) {
        List<FieldProblem> broken = PasswordPolicy.check(password, email);
        if (!broken.isEmpty()) {
            throw new InvalidRequestException(broken, PasswordPolicy.RULES);
        }
        return store.create(email.strip(), name.strip(), passwords.encode(password), role)
                .map(account -> {
                    log.info("Account {} signed up as {}", account.id(), role);
                    return account.view();
                })
                .orElseThrow(() -> new ConflictException(
                        "An account with this email exists already",
                        List.of(new FieldProblem("email", "is taken by another account"))));
    }

    /** A token for the account, unless the address or the account must wait after too many failures. */
    SignedIn signIn(String email, String password, String address) {
        throttle.check(email, address);
        Optional<Account> account = store.findByEmail(email);
        boolean matches =
                passwords.matches(password, account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches || !account.get().enabled()) {
            throttle.failed(email, address);
            throw new UnauthorizedException(WRONG_CREDENTIALS);
        }
        throttle.succeeded(email);
        return signedIn(account.get(), refreshTokens.start(account.get()));
    }

    /** The next access token and refresh token of a session, for the account as it is now. */
    SignedIn refresh(String refreshToken) {
        RefreshTokens.Outcome outcome = refreshTokens.use(refreshToken);
        if (outcome instanceof RefreshTokens.Outcome.Rotated rotated) {
            return signedIn(rotated.account(), rotated.next());
        }
        throw new UnauthorizedException("The refresh token " + ((RefreshTokens.Outcome.Refused) outcome).why());
    }

    /** Ends the session the access token was issued in, if any. */
    void endSession(String session) {
        if (session != null) {
            refreshTokens.end(UUID.fromString(session));
        }
    }

    private SignedIn signedIn(Account account, RefreshTokens.Issued refresh) {
        var access =
                tokens.issue(account.id().toString(), account.role().name(), account.tokenVersion(), refresh.session());
        return new SignedIn(
                access.accessToken(), access.tokenType(), access.expiresIn(), refresh.token(), refresh.expiresIn());
    }

    AccountView find(String id) {
        return parse(id)
                .flatMap(store::findById)
                .map(Account::view)
                .orElseThrow(() -> new NotFoundException("There is no account " + id));
    }

    AccountView changeRole(String id, Role role, String changedBy) {
        if (id.equals(changedBy) && role != Role.ADMIN) {
            throw new ConflictException(
                    "An admin cannot take its own ADMIN role; another admin must",
                    List.of(new FieldProblem("role", "would leave you without the ADMIN role")));
        }
        if (!parse(id).map(account -> store.changeRole(account, role)).orElse(false)) {
            throw new NotFoundException("There is no account " + id);
        }
        refreshTokens.endAll(UUID.fromString(id), "its role changed");
        log.info("Account {} now has role {} (changed by {})", id, role, changedBy);
        return find(id);
    }

    AccountView changeEnabled(String id, boolean enabled, String changedBy) {
        if (id.equals(changedBy) && !enabled) {
            throw new ConflictException("An admin cannot disable its own account; another admin must", List.of());
        }
        if (!parse(id).map(account -> store.changeEnabled(account, enabled)).orElse(false)) {
            throw new NotFoundException("There is no account " + id);
        }
        if (!enabled) {
            refreshTokens.endAll(UUID.fromString(id), "disabled");
        }
        log.info("Account {} {} by {}", id, enabled ? "enabled" : "disabled", changedBy);
        return find(id);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
