package com.litedesk.ports.identity;

import com.litedesk.ports.store.Repository;
import java.time.Instant;

/** Refresh tokens, with the atomic operations rotation and reuse detection need. */
public interface RefreshTokenRepository extends Repository<RefreshToken> {

    /**
     * Marks the token rotated at {@code at} if, and only if, it is neither rotated nor revoked:
     * a single atomic compare-and-set. Returns false when another caller got there first.
     */
    boolean markRotated(String id, Instant at);

    /** Revokes every token of a family (reuse detected, or logout). Idempotent. */
    void revokeFamily(String familyId);

    /** Revokes every token of a user (password changed, user deactivated). Idempotent. */
    void revokeAllOf(String userId);
}
