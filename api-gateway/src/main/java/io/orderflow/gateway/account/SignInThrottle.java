package io.orderflow.gateway.account;

import io.orderflow.gateway.problem.TooManyRequestsException;
import io.orderflow.gateway.security.SecurityProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down and then locks out password guessing, per account and per client address. Counts live in PostgreSQL,
 * so every gateway instance sees the same ones and a restart forgets nothing. An email that has no account is
 * counted like one that has, so the answers tell a guesser nothing about which emails exist.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final SecurityProperties.SignIn settings;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.signIn();
        this.clock = clock;
    }

    /** Refuses the attempt with 429 while the account or the address must wait. */
    void check(String email, String address) {
        Instant now = clock.instant();
        Instant waitUntil = jdbc.sql("select greatest(max(next_attempt_at), max(locked_until)) from sign_in_throttle"
                        + " where subject in (?, ?)")
                .params(accountSubject(email), addressSubject(address))
                .query((row, n) -> row.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant)
                .orElse(now);
        if (waitUntil.isAfter(now)) {
            throw new TooManyRequestsException(
                    "Too many failed sign-ins; try again later", Duration.between(now, waitUntil));
        }
    }

    @Transactional
    void failed(String email, String address) {
        Instant now = clock.instant();
        count(accountSubject(email), settings.accountSlowAfter(), settings.accountLockAfter(), now);
        count(addressSubject(address), settings.addressSlowAfter(), settings.addressLockAfter(), now);
        jdbc.sql("delete from sign_in_throttle where last_failure < ? and coalesce(locked_until, ?) <= ?")
                .params(Timestamp.from(now.minus(settings.window())), Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** A good password clears the account's count; the address keeps its own. */
    void succeeded(String email) {
        jdbc.sql("delete from sign_in_throttle where subject = ?")
                .param(accountSubject(email))
                .update();
    }

    private void count(String subject, int slowAfter, int lockAfter, Instant now) {
        Timestamp at = Timestamp.from(now);
        // a count starts again once the window has passed since the last failure, or a lock has run out
        int failures = jdbc.sql("insert into sign_in_throttle as t (subject, failures, last_failure, next_attempt_at)"
                        + " values (?, 1, ?, ?) on conflict (subject) do update set"
                        + " failures = case when t.last_failure < ? or t.locked_until <= ? then 1 else t.failures + 1 end,"
                        + " last_failure = excluded.last_failure, locked_until = case when t.locked_until <= ? then null else t.locked_until end"
                        + " returning failures")
                .params(subject, at, at, Timestamp.from(now.minus(settings.window())), at, at)
                .query(Integer.class)
                .single();
        Instant nextAttempt = now;
        Instant lockedUntil = null;
        if (failures >= lockAfter) {
            lockedUntil = now.plus(settings.lockDuration());
        } else if (failures >= slowAfter) {
            Duration backoff = settings.backoff().multipliedBy(1L << Math.min(failures - slowAfter, 20));
            nextAttempt = now.plus(backoff.compareTo(settings.lockDuration()) < 0 ? backoff : settings.lockDuration());
        }
        jdbc.sql(
                        "update sign_in_throttle set next_attempt_at = ?, locked_until = coalesce(?, locked_until) where subject = ?")
                .params(Timestamp.from(nextAttempt), lockedUntil == null ? null : Timestamp.from(lockedUntil), subject)
                .update();
    }

    private static String accountSubject(String email) {
        return "account:" + email.toLowerCase(Locale.ROOT);
    }

    private static String addressSubject(String address) {
        return "address:" + address;
    }
}
