package io.orderflow.gateway.account;

import java.time.Instant;
import java.util.UUID;

/** An account as stored; its password hash never leaves the gateway (see {@link AccountView}). */
record Account(
        UUID id,
        String email,
        String name,
        String passwordHash,
        Role role,
        boolean enabled,
        int tokenVersion,
        Instant createdAt,
        Instant updatedAt) {

    AccountView view() {
        return new AccountView(id.toString(), email, name, role, enabled, createdAt, updatedAt);
    }
}
