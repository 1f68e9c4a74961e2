package com.litedesk.ports.platform;

import com.litedesk.ports.instance.PlanLimits;

/**
 * The control plane's side of an instance's management API, reached at the workload's endpoint with the
 * instance's management key. Seeding and plan changes are idempotent. UNAVAILABLE when the instance does not
 * answer; every call has a timeout. Thread-safe.
 */
public interface InstanceAgent {

    /** Asks the instance whether it is healthy (database reachable). Never throws: an unreachable one is unhealthy. */
    HealthReport health(Workload workload);

    /** Creates the Owner and the default pipeline unless they exist; applies the plan. */
    void seed(Workload workload, String managementKey, String instanceName, String planId, PlanLimits limits,
              String ownerEmail, String ownerName);

    /** A fresh one-time set-password link for the Owner, or none when the Owner has a password already. */
    OwnerInvitation inviteOwner(Workload workload, String managementKey);

    /** Applies a plan to the running instance; takes effect without a restart. */
    void applyPlan(Workload workload, String managementKey, String planId, PlanLimits limits);

    /** The instance's usage now. */
    UsageSample usage(Workload workload, String managementKey);

    /**
     * Has the instance sign with a new key from now on; tokens signed with the key it replaces keep working until
     * they expire. Returns the new key's id (never the key).
     */
    default String rotateSigningKey(Workload workload, String managementKey) {
        throw new com.litedesk.ports.LiteDeskException(com.litedesk.ports.ErrorCode.UNAVAILABLE,
                "this instance agent cannot rotate signing keys");
    }
}
