package com.litedesk.ports.identity;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.Entity;
import java.time.Instant;

/**
 * A single-use token mailed to a user (set-password link of an invitation, password-reset link). {@code id} is the
 * token's SHA-256. {@code createdAt} and {@code createdBy} say when and by whom it was issued (null on tokens issued
 * before they were kept). {@code link} is the link itself, kept only for invitations while no mail provider delivers
 * mail, so that an Owner or Admin can hand it over; never for a password reset, never once mail is delivered.
 */
public record OneTimeToken(
        String id,
        long version,
        String userId,
        String purpose,
        Instant expiresAt,
        @Nullable Instant usedAt,
        @Nullable Instant createdAt,
        @Nullable String createdBy,
        @Nullable String link) implements Entity {

    public OneTimeToken(String id, long version, String userId, String purpose, Instant expiresAt, Instant usedAt) {
        this(id, version, userId, purpose, expiresAt, usedAt, null, null, null);
    }
}
