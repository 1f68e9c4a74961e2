package com.litedesk.ports.platform;

/**
 * The lifecycle of a customer instance: PROVISIONING → READY ⇄ SUSPENDED → DELETING → DELETED; FAILED when
 * provisioning gave up (retry or delete); DEGRADED when READY but failing health checks.
 */
public enum InstanceState {
    PROVISIONING, READY, DEGRADED, SUSPENDED, DELETING, DELETED, FAILED;

    /** Whether the workload should be running and serving. */
    public boolean isServing() {
        return this == READY || this == DEGRADED;
    }
}
