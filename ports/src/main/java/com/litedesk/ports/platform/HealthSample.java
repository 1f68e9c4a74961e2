package com.litedesk.ports.platform;

import java.time.Instant;

/** One health check of an instance. */
public record HealthSample(Instant at, boolean healthy, long latencyMillis, String detail) {
}
