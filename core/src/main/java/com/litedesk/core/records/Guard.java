package com.litedesk.core.records;

import com.litedesk.core.access.AccessPolicy;
import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.audit.AuditLog;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Owned;
import com.litedesk.ports.crm.RecordRef;
import java.util.Locale;
import java.util.Map;

/**
 * Enforces the {@link AccessPolicy}: a denied action is audited (outcome DENIED, with the actor, the action and its
 * target), then refused with FORBIDDEN. Refused privilege changes answered as invalid input are audited here too.
 */
public final class Guard {

    private final AccessPolicy policy;
    private final AuditLog audit;

    public Guard(AccessPolicy policy, AuditLog audit) {
        this.policy = policy;
        this.audit = audit;
    }

    public AccessPolicy policy() {
        return policy;
    }

    public void require(Actor actor, Resource resource, Action action) {
        if (!policy.allows(actor, resource, action)) {
            deny(actor, resource, action, null);
        }
    }

    /** As {@link #require(Actor, Resource, Action)}, auditing a refusal with its target and what was asked. */
    public void require(Actor actor, Resource resource, Action action, RecordRef ref, Map<String, String> asked) {
        if (!policy.allows(actor, resource, action)) {
            throw deny(actor, resource, action, ref, asked);
        }
    }

    public void require(Actor actor, Resource resource, Action action, Owned record, RecordRef ref) {
        if (!policy.allows(actor, resource, action, record)) {
            deny(actor, resource, action, ref);
        }
    }

    /** Audits and throws; also for rules beyond the table (e.g. an Admin editing the Owner). */
    public LiteDeskException deny(Actor actor, Resource resource, Action action, RecordRef ref) {
        throw deny(actor, resource, action, ref, Map.of());
    }

    /** Audits the refusal with what was asked ({@code asked}: the fields of the attempted change), then throws. */
    public LiteDeskException deny(Actor actor, Resource resource, Action action, RecordRef ref, Map<String, String> asked) {
        refused(actor, resource, action, ref, asked);
        throw LiteDeskException.forbidden("your role (" + actor.role() + ") may not " + action.verb() + " "
                + (ref == null ? resource.name().toLowerCase(Locale.ROOT) : "this record"));
    }

    /**
     * Audits a refused privilege change that the caller answers as invalid input (making someone a second Owner,
     * demoting the Owner…): an attempt beyond what the actor may do, even though the answer is a 400.
     */
    public void refused(Actor actor, Resource resource, Action action, RecordRef ref, Map<String, String> asked) {
        RecordRef target = ref == null || ref.id() == null || ref.id().length() <= 64 ? ref : new RecordRef(ref.type(), "-");
        audit.recordDenied(actor, actionName(resource, action), target, asked);
    }

    /** The audited name of an action: {@code users.edit}, {@code contacts.delete}… */
    public static String actionName(Resource resource, Action action) {
        return resource.name().toLowerCase(Locale.ROOT) + "." + action.verb();
    }
}
