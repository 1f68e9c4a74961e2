package com.litedesk.ports.identity;

import java.time.Instant;
import com.litedesk.ports.store.Entity;

/** A person who can log in to an instance. {@code email} is stored lower-case and unique. */
public record User(
        String id,
        long version,
        String email,
        String name,
        Role role,
        String teamId,
        boolean active,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) implements Entity {
}
