package com.litedesk.ports.identity;

import com.litedesk.ports.store.Entity;
import java.time.Instant;

/** A single-use token mailed to a user (set-password link). {@code id} is the token's SHA-256. */
public record OneTimeToken(
        String id,
        long version,
        String userId,
        String purpose,
        Instant expiresAt,
        Instant usedAt) implements Entity {
}
