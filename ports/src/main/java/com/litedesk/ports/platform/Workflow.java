package com.litedesk.ports.platform;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.Entity;
import java.time.Instant;
import java.util.List;

/**
 * The durable record of an instance's provisioning (or deletion): its id is the instance id, so there is one
 * per instance. Every step change is one atomic replace of this record, which is what lets a restarted
 * control plane resume at the step it was in. {@code restoreFrom} is the backup store key a new instance's
 * database is filled from, when it is created from a backup.
 */
public record Workflow(
        String id,
        long version,
        WorkflowKind kind,
        List<StepRecord> steps,
        Instant startedAt,
        @Nullable Instant finishedAt,
        boolean failed,
        @Nullable String restoreFrom) implements Entity {

    public Workflow withSteps(List<StepRecord> newSteps, Instant newFinishedAt, boolean nowFailed) {
        return new Workflow(id, version + 1, kind, List.copyOf(newSteps), startedAt, newFinishedAt, nowFailed, restoreFrom);
    }

    /** The first step that is not DONE, if any. */
    public java.util.Optional<StepRecord> current() {
        return steps.stream().filter(s -> s.state() != StepState.DONE).findFirst();
    }
}
