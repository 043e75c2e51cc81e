package io.orderflow.gateway.account;

import io.orderflow.api.common.Nullable;
import java.time.Instant;
import java.util.Set;

/**
 * Who the token in hand belongs to.
 *
 * @param id             the token's subject
 * @param email          the account's email; for an external issuer's token, its {@code email} claim if any
 * @param name           the account's name; for an external issuer's token, its {@code name} claim if any
 * @param roles          what the token lets its bearer do
 * @param issuer         who signed the token
 * @param tokenExpiresAt when the token stops working
 */
public record CurrentUser(
        String id,
        @Nullable String email,
        @Nullable String name,
        Set<String> roles,
        String issuer,
        Instant tokenExpiresAt) {}
