package com.litedesk.core.identity;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.identity.User;
import java.time.Instant;

/**
 * A user as Owners, Admins and colleagues see them: the stored user with their {@link UserStatus}, and for a
 * pending user, to those who may see invitations, the pending {@link Invitation} (its link only while no mail
 * provider delivers mail).
 */
public record UserView(
        String id,
        long version,
        String email,
        String name,
        Role role,
        @Nullable String teamId,
        boolean active,
        UserStatus status,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt,
        @Nullable String updatedBy,
        @Nullable Invitation invitation) {

    static UserView of(User u, UserStatus status, Invitation invitation) {
        return new UserView(u.id(), u.version(), u.email(), u.name(), u.role(), u.teamId(), u.active(), status, u.createdAt(),
                u.createdBy(), u.updatedAt(), u.updatedBy(), invitation);
    }
}
