package com.litedesk.core.access;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.identity.Role;
import java.util.List;

/**
 * What a user may do, as the {@link AccessPolicy} decides it: every resource × action with its scope
 * ({@code NONE} where refused), so that a client can offer exactly what the server will allow. {@code OWN} and
 * {@code TEAM} reach the records whose owner (for tasks also the assignee) is the user, or whose team is the
 * user's {@code teamId}. Some refusals go beyond the table and are not listed here: nobody changes the Owner's
 * role or their own.
 */
public record Permissions(String userId, Role role, @Nullable String teamId, List<Permission> permissions) {

    public Permissions {
        permissions = List.copyOf(permissions);
    }

    /** The scope of an action on a resource; NONE when it is not listed. */
    public Scope scope(Resource resource, Action action) {
        return permissions.stream().filter(p -> p.resource() == resource && p.action() == action)
                .map(Permission::scope).findFirst().orElse(Scope.NONE);
    }
}
