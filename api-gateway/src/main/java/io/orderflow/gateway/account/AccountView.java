package io.orderflow.gateway.account;

import java.time.Instant;

/** An account as the API shows it. */
public record AccountView(
        String id, String email, String name, Role role, boolean enabled, Instant createdAt, Instant updatedAt) {}
