package com.litedesk.ports.platform;

/**
 * A running (or stopped) instance workload.
 *
 * @param endpoint the base URL the control plane reaches the instance at (not the public one)
 */
public record Workload(String instanceId, String endpoint, WorkloadState state, String detail) {
}
