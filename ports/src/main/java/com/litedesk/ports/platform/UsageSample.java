package com.litedesk.ports.platform;

import com.litedesk.ports.contract.Nullable;
import java.time.Instant;

/** An instance's usage at one moment, as its metrics endpoint reported it. */
public record UsageSample(
        Instant at,
        long users,
        long contacts,
        long companies,
        long deals,
        long tasks,
        long storageBytes,
        long requests,
        @Nullable Long p95Millis) {
}
