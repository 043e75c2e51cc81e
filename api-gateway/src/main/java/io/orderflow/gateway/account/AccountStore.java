package io.orderflow.gateway.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and revoked tokens in PostgreSQL; every statement takes its values as parameters, never as SQL text. */
@Component
public class AccountStore {

    private static final String COLUMNS =
            "id, email, name, password_hash, role, enabled, token_version, created_at, updated_at";
    private static final RowMapper<Account> ACCOUNT = (row, n) -> new Account(
            row.getObject("id", UUID.class),
            row.getString("email"),
            row.getString("name"),
            row.getString("password_hash"),
            Role.valueOf(row.getString("role")),
            row.getBoolean("enabled"),
            row.getInt("token_version"),
            row.getTimestamp("created_at").toInstant(),
            row.getTimestamp("updated_at").toInstant());

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new account; empty when the email, in any case, is taken. */
    Optional<Account> create(String email, String name, String passwordHash, Role role) {
        Instant now = Instant.now();
        var account = new Account(UUID.randomUUID(), email, name, passwordHash, role, true, 0, now, now);
        try {
            jdbc.sql("insert into account (" + COLUMNS + ") values (?, ?, ?, ?, ?, true, 0, ?, ?)")
                    .params(
                            account.id(),
                            email,
                            name,
                            passwordHash,
                            role.name(),
                            Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
            return Optional.of(account);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from account where lower(email) = lower(?)")
                .param(email)
                .query(ACCOUNT)
                .optional();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = ?")
                .param(id)
                .query(ACCOUNT)
                .optional();
    }

    boolean anyAdmin() {
        return jdbc.sql("select exists (select 1 from account where role = 'ADMIN')")
                .query(Boolean.class)
                .single();
    }

    /** Accounts by email; {@code emailContains} matches literally (no wildcards) and in any case. */
    @Transactional(readOnly = true)
    AccountPage list(String emailContains, Role role, int page, int size) {
        String pattern = emailContains == null
                ? null
                : "%"
                        + emailContains
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
        String where = " where (cast(? as text) is null or lower(email) like cast(? as text) escape '\\')"
                + " and (cast(? as text) is null or role = cast(? as text))";
        String roleName = role == null ? null : role.name();
        long total = jdbc.sql("select count(*) from account" + where)
                .params(pattern, pattern, roleName, roleName)
                .query(Long.class)
                .single();
        var items = jdbc
                .sql("select " + COLUMNS + " from account" + where + " order by lower(email), id limit ? offset ?")
                .params(pattern, pattern, roleName, roleName, size, (long) page * size)
                .query(ACCOUNT)
                .stream()
                .map(Account::view)
                .toList();
        return new AccountPage(items, page, size, total);
    }

    /** Changes the role and ends every token issued before; false when there is no such account. */
    boolean changeRole(UUID id, Role role) {
        return jdbc.sql("update account set role = ?, token_version = token_version + 1, updated_at = ? where id = ?")
                        .params(role.name(), Timestamp.from(Instant.now()), id)
                        .update()
                == 1;
    }

    /** Disabling ends every token issued before; false when there is no such account. */
    boolean changeEnabled(UUID id, boolean enabled) {
        return jdbc.sql("update account set enabled = ?, token_version = token_version + case when ? then 0 else 1 end,"
                                + " updated_at = ? where id = ?")
                        .params(enabled, enabled, Timestamp.from(Instant.now()), id)
                        .update()
                == 1;
    }

    /** Whether a token of the account may still be used; empty when the account is gone. */
    public Optional<TokenStanding> standing(UUID accountId, String tokenId) {
        return jdbc.sql("select enabled, token_version, exists (select 1 from revoked_token where jti = ?) as revoked"
                        + " from account where id = ?")
                .params(tokenId, accountId)
                .query((row, n) -> new TokenStanding(
                        row.getBoolean("enabled"), row.getInt("token_version"), row.getBoolean("revoked")))
                .optional();
    }

    /** Signs a token out; rows of tokens that have expired anyway go at the same time. */
    @Transactional
    void revoke(String tokenId, Instant expiresAt) {
        jdbc.sql("insert into revoked_token (jti, expires_at) values (?, ?) on conflict (jti) do nothing")
                .params(tokenId, Timestamp.from(expiresAt))
                .update();
        jdbc.sql("delete from revoked_token where expires_at < ?")
                .param(Timestamp.from(Instant.now()))
                .update();
    }
}
