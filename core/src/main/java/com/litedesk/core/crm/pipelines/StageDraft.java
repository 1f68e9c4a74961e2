package com.litedesk.core.crm.pipelines;

import com.litedesk.ports.crm.StageKind;

/** A stage as a client writes it; {@code id} null for a new stage, else the stage kept. */
public record StageDraft(String id, String name, Integer probability, StageKind kind) {
}
