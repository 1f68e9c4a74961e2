package com.litedesk.ports.platform;

import com.litedesk.ports.contract.Nullable;
import java.time.Instant;

/**
 * The latest health of an instance as monitoring sees it.
 *
 * @param consecutiveFailures failed checks in a row; three make a READY instance DEGRADED
 */
public record HealthStatus(
        @Nullable Instant checkedAt,
        boolean healthy,
        int consecutiveFailures,
        @Nullable Long latencyMillis,
        @Nullable String detail) {
    public static final HealthStatus UNKNOWN = new HealthStatus(null, false, 0, null, null);
}
