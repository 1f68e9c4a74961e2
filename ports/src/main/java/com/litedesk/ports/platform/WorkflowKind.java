package com.litedesk.ports.platform;

/** What a workflow does to its instance. */
public enum WorkflowKind {
    PROVISION, DELETE
}
