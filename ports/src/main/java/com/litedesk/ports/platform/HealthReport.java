package com.litedesk.ports.platform;

/** What an instance said when asked whether it is healthy. */
public record HealthReport(boolean healthy, long latencyMillis, String detail) {
}
