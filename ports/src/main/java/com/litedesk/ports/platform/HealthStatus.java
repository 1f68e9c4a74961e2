package com.litedesk.ports.platform;

import java.time.Instant;

/**
 * The latest health of an instance as monitoring sees it.
 *
 * @param consecutiveFailures failed checks in a row; three make a READY instance DEGRADED
 */
public record HealthStatus(Instant checkedAt, boolean healthy, int consecutiveFailures, Long latencyMillis, String detail) {
    public static final HealthStatus UNKNOWN = new HealthStatus(null, false, 0, null, null);
}
