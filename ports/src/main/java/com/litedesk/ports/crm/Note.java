package com.litedesk.ports.crm;

import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.time.Instant;
/** Free text attached to a contact, company or deal. */
public record Note(
        String id,
        long version,
        String text,
        RecordRef target,
        String ownerId,
        String teamId,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) implements Owned, Searchable {

    /** Found by its text. */
    @Override
    public SearchText searchText() {
        return new SearchText(text, null);
    }
}
