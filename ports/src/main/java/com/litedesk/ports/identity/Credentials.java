package com.litedesk.ports.identity;

import com.litedesk.ports.store.Entity;
import java.time.Instant;
import java.util.List;

/**
 * A user's password hash, stored apart from the user so that it never travels with user data. {@code id} is the
 * user id; {@code passwordHash} is null until a password is set. {@code knownClients} holds the SHA-256 of the
 * client addresses the user last logged in from (most recent first, a few at most): failed logins from those are
 * slowed down rather than locked out. {@code failedAttempts} and {@code lockedUntil} are kept for records written
 * before failed logins were counted per address; they are written as 0 and null.
 */
public record Credentials(
        String id,
        long version,
        String passwordHash,
        int failedAttempts,
        Instant lockedUntil,
        Instant passwordChangedAt,
        List<String> knownClients) implements Entity {

    public Credentials {
        knownClients = knownClients == null ? List.of() : List.copyOf(knownClients);
    }
}
