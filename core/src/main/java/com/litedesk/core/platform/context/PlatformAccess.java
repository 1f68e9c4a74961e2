package com.litedesk.core.platform.context;

import com.litedesk.core.access.Actor;
import com.litedesk.core.audit.AuditLog;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.identity.Role;
import java.util.Map;

/**
 * Who may do what on the control plane. Platform admins are stored as users of the control plane's own
 * account store: {@code platform-admin} as {@link Role#ADMIN} (the first one as {@link Role#OWNER}),
 * {@code platform-viewer} as {@link Role#VIEWER}. Admins do everything; viewers read everything and change
 * nothing. Every refusal is audited.
 */
public final class PlatformAccess {

    public static final String ADMIN = "platform-admin";
    public static final String VIEWER = "platform-viewer";

    private final AuditLog audit;

    public PlatformAccess(AuditLog audit) {
        this.audit = audit;
    }

    public static boolean isAdmin(Actor actor) {
        return actor.role() == Role.OWNER || actor.role() == Role.ADMIN;
    }

    /** The platform role name of a stored role. */
    public static String roleName(Role role) {
        return role == Role.VIEWER ? VIEWER : ADMIN;
    }

    /** The stored role of a platform role name; VALIDATION for anything else. */
    public static Role roleOf(String name) {
        return switch (name == null ? "" : name) {
            case ADMIN -> Role.ADMIN;
            case VIEWER -> Role.VIEWER;
            default -> throw LiteDeskException.invalid("role", "must be " + ADMIN + " or " + VIEWER);
        };
    }

    public void requireAdmin(Actor actor, String action, RecordRef record) {
        requireAdmin(actor, action, record, Map.of());
    }

    /** As {@link #requireAdmin(Actor, String, RecordRef)}, auditing a refusal with what was asked. */
    public void requireAdmin(Actor actor, String action, RecordRef record, Map<String, String> asked) {
        if (!isAdmin(actor)) {
            audit.recordDenied(actor, action, record, asked);
            throw LiteDeskException.forbidden("only platform admins may do this; platform viewers read only");
        }
    }

    /**
     * The stored role of a platform role name asked for by {@code actor}; anything else is VALIDATION, and audited
     * as a refused {@code action} since it asks for a privilege no platform account can have.
     */
    public Role requireRoleName(Actor actor, String action, String name, Map<String, String> asked) {
        try {
            return roleOf(name);
        } catch (LiteDeskException e) {
            audit.recordDenied(actor, action, null, asked);
            throw e;
        }
    }

    public void requireViewer(Actor actor, String action) {
        if (actor.role() != Role.OWNER && actor.role() != Role.ADMIN && actor.role() != Role.VIEWER) {
            audit.recordDenied(actor, action, null);
            throw LiteDeskException.forbidden("this needs a platform account");
        }
    }
}
