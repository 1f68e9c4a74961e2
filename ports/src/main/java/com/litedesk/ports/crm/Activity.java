package com.litedesk.ports.crm;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.time.Instant;

/**
 * A call, meeting or email logged against a contact, company or deal: what it was about, when it happened, how long it
 * took (calls and meetings) and how it ended. Its owner is the user who logged it.
 */
public record Activity(
        String id,
        long version,
        ActivityType type,
        String subject,
        @Nullable String body,
        Instant occurredAt,
        @Nullable Integer durationMinutes,
        @Nullable String outcome,
        RecordRef linkedRecord,
        String ownerId,
        @Nullable String teamId,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt,
        @Nullable String updatedBy) implements Owned, Searchable {

    /** Found by subject (first), then by its notes. */
    @Override
    public SearchText searchText() {
        return new SearchText(subject, body);
    }
}
