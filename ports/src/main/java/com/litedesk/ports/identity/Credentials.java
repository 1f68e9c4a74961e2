package com.litedesk.ports.identity;

import com.litedesk.ports.store.Entity;
import java.time.Instant;

/**
 * A user's password hash and lockout state, stored apart from the user so that it never travels
 * with user data. {@code id} is the user id; {@code passwordHash} is null until a password is set.
 */
public record Credentials(
        String id,
        long version,
        String passwordHash,
        int failedAttempts,
        Instant lockedUntil,
        Instant passwordChangedAt) implements Entity {
}
