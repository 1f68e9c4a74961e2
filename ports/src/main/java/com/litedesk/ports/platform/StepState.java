package com.litedesk.ports.platform;

/** Where one workflow step stands. */
public enum StepState {
    PENDING, RUNNING, DONE, FAILED
}
