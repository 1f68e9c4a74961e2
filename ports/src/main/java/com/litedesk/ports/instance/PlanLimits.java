package com.litedesk.ports.instance;

import com.litedesk.ports.contract.Nullable;

/**
 * The limits of an instance's plan; a null limit is unlimited.
 *
 * @param seats active users
 * @param contacts stored contacts
 * @param storageMb database size in MiB
 * @param requestsPerMinute API requests per minute, per instance
 */
public record PlanLimits(
        @Nullable Integer seats,
        @Nullable Long contacts,
        @Nullable Long storageMb,
        @Nullable Integer requestsPerMinute) {
    public static final PlanLimits UNLIMITED = new PlanLimits(null, null, null, null);
}
