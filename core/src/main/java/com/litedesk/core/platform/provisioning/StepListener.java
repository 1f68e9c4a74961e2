package com.litedesk.core.platform.provisioning;

import com.litedesk.ports.platform.StepName;

/**
 * Told about workflow progress. {@link #actionDone} runs after a step's action succeeded and before that is
 * recorded — the moment where a crash is hardest to recover from, which is why crash tests stop there.
 */
public interface StepListener {

    StepListener NONE = new StepListener() {
    };

    default void actionDone(String instanceId, StepName step) {
    }

    default void workflowFinished(String instanceId, boolean failed) {
    }
}
