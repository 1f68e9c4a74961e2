package com.litedesk.ports.platform;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import com.litedesk.ports.store.Entity;
import java.time.Instant;

/**
 * One customer's CRM as the control plane manages it. {@code subdomain} is unique among instances that are
 * not DELETED. {@code stateReason} says why it is in its state when that is not obvious (suspended by whom,
 * why it failed).
 */
public record Instance(
        String id,
        long version,
        String subdomain,
        String name,
        @Nullable String customerId,
        @Nullable String subscriptionId,
        @Nullable String demoRequestId,
        String planId,
        InstanceState state,
        @Nullable String stateReason,
        String ownerEmail,
        @Nullable String ownerName,
        HealthStatus health,
        @Nullable UsageSample usage,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant readyAt) implements Entity, Searchable {

    /** This instance in {@code state} (why: {@code reason}, may be null) from {@code at}. */
    public Instance withState(InstanceState state, String reason, Instant at) {
        return new Instance(id, version + 1, subdomain, name, customerId, subscriptionId, demoRequestId, planId, state, reason,
                ownerEmail, ownerName, health, usage, createdAt, at,
                state == InstanceState.READY && readyAt == null ? at : readyAt);
    }

    public Instance withPlan(String newPlanId, Instant at) {
        return new Instance(id, version + 1, subdomain, name, customerId, subscriptionId, demoRequestId, newPlanId, state, stateReason,
                ownerEmail, ownerName, health, usage, createdAt, at, readyAt);
    }

    public Instance withHealth(HealthStatus newHealth, InstanceState newState, String reason) {
        return new Instance(id, version + 1, subdomain, name, customerId, subscriptionId, demoRequestId, planId, newState, reason,
                ownerEmail, ownerName, newHealth, usage, createdAt, updatedAt, readyAt);
    }

    public Instance withUsage(UsageSample sample) {
        return new Instance(id, version + 1, subdomain, name, customerId, subscriptionId, demoRequestId, planId, state, stateReason,
                ownerEmail, ownerName, health, sample, createdAt, updatedAt, readyAt);
    }

    /** Found by subdomain and name (first), then by its Owner's email and name. */
    @Override
    public SearchText searchText() {
        return new SearchText(SearchText.join(subdomain, name), SearchText.join(ownerEmail, ownerName));
    }
}
