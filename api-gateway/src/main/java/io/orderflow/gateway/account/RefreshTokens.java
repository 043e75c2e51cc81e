package io.orderflow.gateway.account;

import io.orderflow.gateway.security.SecurityProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refresh tokens: opaque, long-lived, stored only as their SHA-256 hash, and rotated on every use. Each sign-in
 * starts a family; using a token marks it used and gives the next one of the family. A used token that comes back
 * was copied, and revokes its whole family, so that a thief and the customer are both signed out and the theft
 * shows. Signing out ends the family, and so does disabling the account or changing its role (the account's token
 * version is part of the family).
 */
@Component
class RefreshTokens {

    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final SecurityProperties properties;
    private final Clock clock;

    RefreshTokens(JdbcClient jdbc, AccountStore accounts, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** A refresh token, and the session (family) it belongs to. */
    record Issued(String token, UUID session, long expiresIn) {}

    /** What came of presenting a refresh token. */
    sealed interface Outcome {

        /** The token was good: here is the next one, for the account as it is now. */
        record Rotated(Issued next, Account account) implements Outcome {}

        /** The token does not work, and why, in words for the caller. */
        record Refused(String why) implements Outcome {}
    }

    /** Starts a session for the account at sign-in. */
    @Transactional
    Issued start(Account account) {
        UUID family = UUID.randomUUID();
        jdbc.sql("insert into refresh_token_family (id, account_id, token_version, created_at) values (?, ?, ?, ?)")
                .params(family, account.id(), account.tokenVersion(), Timestamp.from(clock.instant()))
                .update();
        return next(family);
    }

    /** Rotates the token: the next one of its family, or the reason there is none. */
    @Transactional
    Outcome use(String token) {
        String hash = hash(token);
        Optional<Presented> presented = jdbc.sql("select t.family_id, t.expires_at, t.used_at, f.revoked_at,"
                        + " f.token_version, f.account_id from refresh_token t join refresh_token_family f"
                        + " on f.id = t.family_id where t.token_hash = ? for update")
                .param(hash)
                .query((row, n) -> new Presented(
                        row.getObject("family_id", UUID.class),
                        row.getTimestamp("expires_at").toInstant(),
                        row.getTimestamp("used_at") != null,
                        row.getTimestamp("revoked_at") != null,
                        row.getInt("token_version"),
                        row.getObject("account_id", UUID.class)))
                .optional();
        if (presented.isEmpty()) {
            return new Outcome.Refused("is not a refresh token this gateway issued");
        }
        Presented it = presented.get();
        if (it.familyRevoked()) {
            return new Outcome.Refused("belongs to a session that has ended; sign in again");
        }
        if (it.used()) {
            return reused(it.family());
        }
        if (!clock.instant().isBefore(it.expiresAt())) {
            return new Outcome.Refused("has expired; sign in again");
        }
        Optional<Account> account = accounts.findById(it.accountId());
        if (account.isEmpty() || !account.get().enabled() || account.get().tokenVersion() != it.tokenVersion()) {
            revoke(it.family(), "the account was disabled or its role changed");
            return new Outcome.Refused("belongs to a session that has ended; sign in again");
        }
        int used = jdbc.sql("update refresh_token set used_at = ? where token_hash = ? and used_at is null")
                .params(Timestamp.from(clock.instant()), hash)
                .update();
        if (used == 0) {
            // used by a concurrent request in the meantime: the same as presenting it twice
            return reused(it.family());
        }
        return new Outcome.Rotated(next(it.family()), account.get());
    }

    /** A used token presented again was copied: its whole session ends. */
    private Outcome reused(UUID family) {
        revoke(family, "a used refresh token was presented again");
        return new Outcome.Refused(
                "was used before, so it may have been copied; every token of its session is revoked; sign in again");
    }

    /** Ends a session (sign-out). */
    void end(UUID session) {
        revoke(session, "signed out");
    }

    /** Ends every session of the account (disabled, or its role changed). */
    void endAll(UUID accountId, String why) {
        jdbc.sql("update refresh_token_family set revoked_at = ?, revoked_why = ?"
                        + " where account_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), why, accountId)
                .update();
    }

    private void revoke(UUID family, String why) {
        jdbc.sql("update refresh_token_family set revoked_at = ?, revoked_why = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), why, family)
                .update();
    }

    private Issued next(UUID family) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.sql("insert into refresh_token (token_hash, family_id, issued_at, expires_at) values (?, ?, ?, ?)")
                .params(
                        hash(token),
                        family,
                        Timestamp.from(now),
                        Timestamp.from(now.plus(properties.refreshTokenTtl())))
                .update();
        return new Issued(token, family, properties.refreshTokenTtl().toSeconds());
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Presented(
            UUID family, Instant expiresAt, boolean used, boolean familyRevoked, int tokenVersion, UUID accountId) {}
}
