package io.orderflow.gateway.account;

import io.orderflow.gateway.problem.ConflictException;
import io.orderflow.gateway.problem.UnauthorizedException;
import io.orderflow.gateway.security.Caller;
import io.orderflow.gateway.security.SecurityProperties;
import io.orderflow.gateway.security.TokenIssuer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign up, sign in, sign out, and who am I; and the same for the console, which keeps its refresh token in a cookie
 * that scripts cannot read.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    /**
     * The console's refresh token: {@code HttpOnly} (no script reads it), {@code Secure}, {@code SameSite=Strict} (no
     * other site's page sends it), and sent only to the console's session endpoints. The access token stays in the
     * page's memory.
     */
    static final String CONSOLE_COOKIE = "orderflow_console_session";

    static final String CONSOLE_PATH = "/api/auth/console";

    private final Accounts accounts;
    private final AccountStore store;
    private final SecurityProperties properties;

    AuthController(Accounts accounts, AccountStore store, SecurityProperties properties) {
        this.accounts = accounts;
        this.store = store;
        this.properties = properties;
    }

    record SignUpRequest(
            @NotBlank(message = "is required")
            @Size(max = 254, message = "must be at most 254 characters")
            @Email(message = "must be an email address")
            String email,

            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String name,

            @NotNull(message = "is required") String password) {}

    record SignInRequest(
            @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters")
            String email,

            @NotNull(message = "is required") @Size(max = 1024, message = "must be at most 1024 characters")
            String password) {}

    /** Creates a CUSTOMER account; sign in afterwards for a token. */
    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AccountView> signUp(@Valid @RequestBody SignUpRequest request) {
        AccountView account = accounts.signUp(request.email(), request.name(), request.password(), Role.CUSTOMER);
        return ResponseEntity.created(URI.create("/api/auth/me")).body(account);
    }

    /**
     * A short-lived bearer token and a refresh token that keeps the session going; a failure never says which of
     * email and password was wrong.
     */
    @PostMapping("/signin")
    SignedIn signIn(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        return accounts.signIn(request.email().strip(), request.password(), http.getRemoteAddr());
    }

    record RefreshRequest(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String refreshToken) {}

    /**
     * The session's next access token and refresh token, for the refresh token in hand, which is then used up. A
     * refresh token presented a second time ends its whole session (it was copied), as do signing out, disabling
     * the account and changing its role.
     */
    @PostMapping("/refresh")
    SignedIn refresh(@Valid @RequestBody RefreshRequest request) {
        return accounts.refresh(request.refreshToken());
    }

    /** Ends the token in hand at once, before it would expire, and its session with every refresh token of it. */
    @PostMapping("/signout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> signOut(Caller caller) {
        endSession(caller);
        return ResponseEntity.noContent().build();
    }

    /**
     * What the console holds of a session: the access token. The refresh token is in the {@value #CONSOLE_COOKIE}
     * cookie.
     *
     * @param expiresIn seconds the access token lasts
     */
    record ConsoleSession(String accessToken, String tokenType, long expiresIn) {}

    /** Signs in for the console: the access token in the answer, the refresh token in the session cookie. */
    @PostMapping("/console/signin")
    ResponseEntity<ConsoleSession> consoleSignIn(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        return consoleSession(signIn(request, http));
    }

    /**
     * The console's next access token, for the refresh token in its session cookie, which is used up and replaced; a
     * console page that reloads signs in again this way.
     */
    @PostMapping("/console/refresh")
    ResponseEntity<ConsoleSession> consoleRefresh(
            @CookieValue(name = CONSOLE_COOKIE, required = false) String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new UnauthorizedException("There is no console session: sign in");
        }
        return consoleSession(accounts.refresh(refreshToken));
    }

    /** Signs out as {@code POST /api/auth/signout} does, and removes the console's session cookie. */
    @PostMapping("/console/signout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> consoleSignOut(Caller caller) {
        endSession(caller);
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, sessionCookie("", Duration.ZERO).toString())
                .build();
    }

    private static ResponseEntity<ConsoleSession> consoleSession(SignedIn signedIn) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.SET_COOKIE,
                        sessionCookie(signedIn.refreshToken(), Duration.ofSeconds(signedIn.refreshExpiresIn()))
                                .toString())
                .body(new ConsoleSession(signedIn.accessToken(), signedIn.tokenType(), signedIn.expiresIn()));
    }

    private static ResponseCookie sessionCookie(String value, Duration maxAge) {
        return ResponseCookie.from(CONSOLE_COOKIE, value)
                .httpOnly(true)
                .secure(true)
                .sameSite("Strict")
                .path(CONSOLE_PATH)
                .maxAge(maxAge)
                .build();
    }

    /** Ends the caller's token at once, before it would expire, and its session with every refresh token of it. */
    private void endSession(Caller caller) {
        if (!issuedHere(caller)) {
            throw new ConflictException(
                    "This token was signed by " + caller.token().getClaimAsString("iss") + "; sign out there",
                    List.of());
        }
        store.revoke(caller.token().getId(), caller.token().getExpiresAt());
        accounts.endSession(caller.token().getClaimAsString(TokenIssuer.SESSION));
    }

    @GetMapping("/me")
    CurrentUser me(Caller caller) {
        var token = caller.token();
        String issuer = token.getClaimAsString("iss");
        if (issuedHere(caller)) {
            AccountView account = accounts.find(caller.id());
            return new CurrentUser(
                    account.id(), account.email(), account.name(), caller.roles(), issuer, token.getExpiresAt());
        }
        return new CurrentUser(
                caller.id(),
                token.getClaimAsString("email"),
                token.getClaimAsString("name"),
                caller.roles(),
                issuer,
                token.getExpiresAt());
    }

    /** Whether the gateway signed the caller's token, rather than the external issuer. */
    private boolean issuedHere(Caller caller) {
        return properties.issuer().equals(caller.token().getClaimAsString("iss"));
    }
}
