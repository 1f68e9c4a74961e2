package com.litedesk.ports.identity;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.time.Instant;
import com.litedesk.ports.store.Entity;

/** A person who can log in to an instance. {@code email} is stored lower-case and unique. */
public record User(
        String id,
        long version,
        String email,
        String name,
        Role role,
        @Nullable String teamId,
        boolean active,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt,
        @Nullable String updatedBy) implements Entity, Searchable {

    /** Found by name (first), then by email. */
    @Override
    public SearchText searchText() {
        return new SearchText(name, email);
    }
}
