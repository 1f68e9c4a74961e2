package com.litedesk.ports.identity;

import java.time.Instant;
import com.litedesk.ports.store.Entity;

/** A group of users; membership is held by {@link User#teamId()}. */
public record Team(String id, long version, String name, Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) implements Entity {
}
