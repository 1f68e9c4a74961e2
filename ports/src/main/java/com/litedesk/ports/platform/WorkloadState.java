package com.litedesk.ports.platform;

/** What a runtime reports about a workload. */
public enum WorkloadState {
    RUNNING, STOPPED, STARTING, FAILED
}
