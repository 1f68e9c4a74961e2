package com.litedesk.core.identity;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.identity.Role;
import java.time.Instant;

/**
 * A pending invitation: a user who has not set a password yet, and their newest set-password link.
 *
 * @param invitedBy the user who sent it (null for the instance's own start-up)
 * @param invitedByName that user's name, as shown to people
 * @param expired whether the link has expired (resend to send a new one)
 * @param link the set-password link itself, only while no mail provider delivers mail (null once one does, and
 *             for a link whose text was never kept)
 */
public record Invitation(
        String userId,
        String email,
        String name,
        Role role,
        @Nullable String invitedBy,
        @Nullable String invitedByName,
        Instant invitedAt,
        Instant expiresAt,
        boolean expired,
        @Nullable String link) {
}
