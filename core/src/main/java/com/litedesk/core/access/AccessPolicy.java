package com.litedesk.core.access;

import com.litedesk.ports.crm.Owned;
import com.litedesk.ports.identity.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The permission table of an instance (role × resource × action → scope), and the one place that
 * decides whether an actor may act on a record. Pure: no I/O.
 *
 * <p>Choices where the table is silent: Managers may export but not import; Viewers read
 * pipelines (a deal cannot be shown without its stages) but not users, teams, settings or audit;
 * Managers and Users read audit, as the table's "read" for settings, pipelines and audit says. Pending invitations
 * are read, resent and revoked by Owners and Admins only. The branding is the Owner's alone to change, as the
 * product promises each customer's Owner; everyone reads it.
 */
public final class AccessPolicy {

    public Scope scope(Role role, Resource resource, Action action) {
        if (resource.isCrmRecord()) {
            return crmRecords(role, action);
        }
        return switch (resource) {
            case USERS, TEAMS -> administration(role, action, role == Role.VIEWER ? Scope.NONE : Scope.ALL);
            case PIPELINES -> administration(role, action, Scope.ALL);
            case SETTINGS, AUDIT -> administration(role, action, role == Role.VIEWER ? Scope.NONE : Scope.ALL);
            // an invitation's link lets whoever holds it in as the invited user: for those who may invite only
            case INVITATIONS -> administration(role, action, Scope.NONE);
            case VIEWS -> switch (action) {
                case READ, CREATE -> Scope.ALL;
                case EDIT, DELETE -> role == Role.OWNER || role == Role.ADMIN || role == Role.MANAGER ? Scope.ALL : Scope.OWN;
                case IMPORT, EXPORT -> Scope.NONE;
            };
            case BRANDING -> action == Action.READ || (action == Action.EDIT && role == Role.OWNER) ? Scope.ALL : Scope.NONE;
            default -> throw new IllegalArgumentException(resource.name());
        };
    }

    private static Scope crmRecords(Role role, Action action) {
        return switch (role) {
            case OWNER, ADMIN -> Scope.ALL;
            case MANAGER -> switch (action) {
                case READ, CREATE, EXPORT -> Scope.ALL;
                case EDIT, DELETE -> Scope.TEAM;
                case IMPORT -> Scope.NONE;
            };
            case USER -> switch (action) {
                case READ, CREATE -> Scope.ALL;
                case EDIT, DELETE -> Scope.OWN;
                case EXPORT, IMPORT -> Scope.NONE;
            };
            case VIEWER -> action == Action.READ ? Scope.ALL : Scope.NONE;
        };
    }

    /** Owners and Admins manage; everyone else may at most read, with the given read scope. */
    private static Scope administration(Role role, Action action, Scope readScope) {
        if (role == Role.OWNER || role == Role.ADMIN) {
            return action == Action.IMPORT || action == Action.EXPORT ? Scope.NONE : Scope.ALL;
        }
        return action == Action.READ ? readScope : Scope.NONE;
    }

    /** Every resource × action with its scope for this actor: what a client may offer them. */
    public Permissions permissions(Actor actor) {
        List<Permission> all = new ArrayList<>();
        for (Resource resource : Resource.values()) {
            for (Action action : Action.values()) {
                all.add(new Permission(resource, action, scope(actor.role(), resource, action)));
            }
        }
        return new Permissions(actor.userId(), actor.role(), actor.teamId(), all);
    }

    /** May the actor do this at all (to some record)? */
    public boolean allows(Actor actor, Resource resource, Action action) {
        return scope(actor.role(), resource, action) != Scope.NONE;
    }

    /** May the actor do this to this record? */
    public boolean allows(Actor actor, Resource resource, Action action, Owned record) {
        return switch (scope(actor.role(), resource, action)) {
            case NONE -> false;
            case ALL -> true;
            case OWN -> isOwn(actor, record);
            case TEAM -> isOwn(actor, record)
                    || (actor.teamId() != null && actor.teamId().equals(record.teamId()));
        };
    }

    private static boolean isOwn(Actor actor, Owned record) {
        if (actor.userId().equals(record.ownerId())) {
            return true;
        }
        // a task is also its assignee's own: they must be able to complete it
        return record instanceof com.litedesk.ports.crm.Task task && actor.userId().equals(task.assigneeId());
    }
}
