package com.litedesk.ports.audit;

public enum AuditOutcome {
    SUCCESS, DENIED
}
