package com.litedesk.ports.platform;

import com.litedesk.ports.instance.InstanceRepositories;
import java.util.Objects;

/**
 * Every store of the control plane, all in its own database. {@code accounts} holds what the control plane
 * shares in shape with an instance: platform admins as users with credentials, refresh and one-time tokens,
 * the audit log, the development outbox, secrets (instance keys) and idempotency records.
 */
public record PlatformRepositories(
        InstanceRepositories accounts,
        DemoRequestRepository demoRequests,
        CustomerRepository customers,
        SubscriptionRepository subscriptions,
        InstanceRepository instances,
        WorkflowRepository workflows,
        InstanceHistoryRepository histories,
        BackupRepository backups) {

    public PlatformRepositories {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(demoRequests, "demoRequests");
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(instances, "instances");
        Objects.requireNonNull(workflows, "workflows");
        Objects.requireNonNull(histories, "histories");
        Objects.requireNonNull(backups, "backups");
    }

    /** The same stores with other account stores (e.g. with the secret store sealed). */
    public PlatformRepositories withAccounts(InstanceRepositories other) {
        return new PlatformRepositories(other, demoRequests, customers, subscriptions, instances, workflows, histories, backups);
    }
}
