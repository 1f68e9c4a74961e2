package com.litedesk.adapters.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how instance host names are published in Route 53.
 *
 * @param hostedZoneId the hosted zone of the base domain ({@code Z0123456789ABCDEFGHIJ})
 * @param aliasHostedZoneId the hosted zone of the load balancer the target names, for alias records; null for
 *                          plain A (an IPv4 target) or CNAME records
 * @param ttlSeconds TTL of plain records
 * @param syncTimeout how long to wait for a change to be INSYNC
 * @param pollInterval how often to ask
 */
public record Route53Settings(String hostedZoneId, String aliasHostedZoneId, long ttlSeconds, Duration syncTimeout,
                              Duration pollInterval) {
    public Route53Settings {
        Objects.requireNonNull(hostedZoneId, "hostedZoneId");
        Objects.requireNonNull(syncTimeout, "syncTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (ttlSeconds < 1) {
            throw new IllegalArgumentException("ttlSeconds must be positive");
        }
    }

    /** A zone with plain records, a 60 s TTL, waiting up to 100 s for INSYNC and asking every 2 seconds. */
    public static Route53Settings of(String hostedZoneId) {
        return new Route53Settings(hostedZoneId, null, 60, Duration.ofSeconds(100), Duration.ofSeconds(2));
    }
}
