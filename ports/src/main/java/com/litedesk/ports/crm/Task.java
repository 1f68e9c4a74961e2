package com.litedesk.ports.crm;

import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.time.Instant;
import java.time.LocalDate;

/** A to-do, assigned to a user, optionally linked to a contact, company or deal. */
public record Task(
        String id,
        long version,
        String title,
        String description,
        LocalDate dueDate,
        TaskPriority priority,
        TaskStatus status,
        String assigneeId,
        RecordRef linkedRecord,
        Instant completedAt,
        String ownerId,
        String teamId,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) implements Owned, Searchable {

    /** Found by title (first), then by description. */
    @Override
    public SearchText searchText() {
        return new SearchText(title, description);
    }
}
