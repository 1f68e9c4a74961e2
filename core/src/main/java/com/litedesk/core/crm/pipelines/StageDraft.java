package com.litedesk.core.crm.pipelines;

import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.crm.StageKind;

/** A stage as a client writes it; {@code id} null for a new stage, else the stage kept. */
public record StageDraft(
        @Nullable String id,
        @MaxLength(60) String name,
        @Nullable Integer probability,
        @Nullable StageKind kind) {
}
