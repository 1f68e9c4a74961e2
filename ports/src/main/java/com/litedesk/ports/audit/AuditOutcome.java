package com.litedesk.ports.audit;

/** How an audited action ended: done, refused to the actor, or attempted and failed (a provisioning step). */
public enum AuditOutcome {
    SUCCESS, DENIED, FAILURE
}
