package com.litedesk.ports.platform;

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
        Long p95Millis) {
}
