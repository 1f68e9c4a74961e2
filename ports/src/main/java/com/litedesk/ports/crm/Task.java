package com.litedesk.ports.crm;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.time.Instant;
import java.time.LocalDate;

/** A to-do, assigned to a user, optionally linked to a contact, company or deal. */
public record Task(
        String id,
        long version,
        String title,
        @Nullable String description,
        @Nullable LocalDate dueDate,
        TaskPriority priority,
        TaskStatus status,
        String assigneeId,
        @Nullable RecordRef linkedRecord,
        @Nullable Instant completedAt,
        String ownerId,
        @Nullable String teamId,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt,
        @Nullable String updatedBy) implements Owned, Searchable {

    /** Found by title (first), then by description. */
    @Override
    public SearchText searchText() {
        return new SearchText(title, description);
    }
}
