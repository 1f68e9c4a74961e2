package com.litedesk.ports.platform;

import com.litedesk.ports.contract.Nullable;
import java.time.Instant;

/** One health check of an instance. */
public record HealthSample(Instant at, boolean healthy, long latencyMillis, @Nullable String detail) {
}
