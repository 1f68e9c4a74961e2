package com.litedesk.ports.crm;

import com.litedesk.ports.contract.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An ordered list of stages deals move through. One pipeline per instance is the default. */
public record Pipeline(
        String id,
        long version,
        String name,
        List<Stage> stages,
        boolean isDefault,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt,
        @Nullable String updatedBy) implements com.litedesk.ports.store.Entity {

    public Pipeline {
        stages = List.copyOf(stages);
    }

    public Optional<Stage> stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }
}
