package com.litedesk.ports.platform;

import com.litedesk.ports.store.Entity;
import java.time.Instant;

/** The plan one instance runs on, for one customer. One subscription per instance. */
public record Subscription(
        String id,
        long version,
        String customerId,
        String instanceId,
        String planId,
        SubscriptionStatus status,
        Instant startedAt,
        Instant trialEndsAt,
        Instant updatedAt) implements Entity {

    public Subscription with(String newPlanId, SubscriptionStatus newStatus, Instant at) {
        return new Subscription(id, version + 1, customerId, instanceId, newPlanId, newStatus, startedAt, trialEndsAt, at);
    }
}
