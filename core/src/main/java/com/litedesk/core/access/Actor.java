package com.litedesk.core.access;

import com.litedesk.ports.identity.Role;
import java.util.Objects;

/**
 * Who is acting: an authenticated user of the instance (role and team as stored now, not as they
 * were when the token was minted), the request id that ties audit entries to log lines, and the login
 * session the request came with ({@code sessionId}; null when the actor did not log in, e.g. the system).
 */
public record Actor(String userId, Role role, String teamId, String requestId, String sessionId) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    /** An actor outside any login session. */
    public Actor(String userId, Role role, String teamId, String requestId) {
        this(userId, role, teamId, requestId, null);
    }

    /** The instance itself, for seeding and scheduled work: an Owner-level actor. */
    public static Actor system(String requestId) {
        return new Actor("system", Role.OWNER, null, requestId);
    }

    public boolean isSystem() {
        return "system".equals(userId);
    }
}
