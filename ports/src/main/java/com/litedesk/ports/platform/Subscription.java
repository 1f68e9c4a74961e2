package com.litedesk.ports.platform;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.Entity;
import java.time.Instant;

/** The plan one instance runs on, for one customer. One subscription per instance. */
public record Subscription(
        String id,
        long version,
        @Nullable String customerId,
        @Nullable String instanceId,
        String planId,
        SubscriptionStatus status,
        Instant startedAt,
        @Nullable Instant trialEndsAt,
        Instant updatedAt) implements Entity {

    public Subscription with(String newPlanId, SubscriptionStatus newStatus, Instant at) {
        return new Subscription(id, version + 1, customerId, instanceId, newPlanId, newStatus, startedAt, trialEndsAt, at);
    }
}
