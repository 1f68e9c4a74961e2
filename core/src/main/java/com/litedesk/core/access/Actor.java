package com.litedesk.core.access;

import com.litedesk.ports.identity.Role;
import java.util.Objects;

/**
 * Who is acting: an authenticated user of the instance (role and team as stored now, not as they
 * were when the token was minted), and the request id that ties audit entries to log lines.
 */
public record Actor(String userId, Role role, String teamId, String requestId) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    /** The instance itself, for seeding and scheduled work: an Owner-level actor. */
    public static Actor system(String requestId) {
        return new Actor("system", Role.OWNER, null, requestId);
    }

    public boolean isSystem() {
        return "system".equals(userId);
    }
}
