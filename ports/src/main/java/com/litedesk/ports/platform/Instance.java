package com.litedesk.ports.platform;

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
        String customerId,
        String subscriptionId,
        String demoRequestId,
        String planId,
        InstanceState state,
        String stateReason,
        String ownerEmail,
        String ownerName,
        HealthStatus health,
        UsageSample usage,
        Instant createdAt,
        Instant updatedAt,
        Instant readyAt) implements Entity {
}
