package com.litedesk.ports.platform;

import com.litedesk.ports.contract.Nullable;
import java.time.Instant;

/**
 * What happened to one step: its state, how many attempts it took, when it ran, its last error and, after a
 * failed attempt, when it runs again.
 */
public record StepRecord(
        StepName name,
        StepState state,
        int attempts,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMillis,
        @Nullable String lastError,
        @Nullable Instant nextAttemptAt) {

    public static StepRecord pending(StepName name) {
        return new StepRecord(name, StepState.PENDING, 0, null, null, null, null, null);
    }
}
