package com.litedesk.ports.platform;

import com.litedesk.ports.store.Entity;
import java.time.Instant;
import java.util.List;

/**
 * The durable record of an instance's provisioning (or deletion): its id is the instance id, so there is one
 * per instance. Every step change is one atomic replace of this record, which is what lets a restarted
 * control plane resume at the step it was in.
 */
public record Workflow(
        String id,
        long version,
        WorkflowKind kind,
        List<StepRecord> steps,
        Instant startedAt,
        Instant finishedAt,
        boolean failed) implements Entity {
}
