package com.litedesk.ports.identity;

import com.litedesk.ports.store.Entity;
import java.time.Instant;

/**
 * One refresh token of a login session ("family"). {@code id} is the SHA-256 of the token, never
 * the token itself. A token is usable once: rotating it records {@code rotatedAt}.
 */
public record RefreshToken(
        String id,
        long version,
        String familyId,
        String userId,
        Instant issuedAt,
        Instant expiresAt,
        Instant rotatedAt,
        boolean revoked) implements Entity {
}
