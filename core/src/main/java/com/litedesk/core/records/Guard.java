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

/** Enforces the {@link AccessPolicy}: a denied action is audited, then refused with FORBIDDEN. */
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

    public void require(Actor actor, Resource resource, Action action, Owned record, RecordRef ref) {
        if (!policy.allows(actor, resource, action, record)) {
            deny(actor, resource, action, ref);
        }
    }

    /** Audits and throws; also for rules beyond the table (e.g. an Admin editing the Owner). */
    public LiteDeskException deny(Actor actor, Resource resource, Action action, RecordRef ref) {
        audit.recordDenied(actor, resource.name().toLowerCase(Locale.ROOT) + "." + action.verb(), ref);
        throw LiteDeskException.forbidden("your role (" + actor.role() + ") may not " + action.verb() + " "
                + (ref == null ? resource.name().toLowerCase(Locale.ROOT) : "this record"));
    }
}
