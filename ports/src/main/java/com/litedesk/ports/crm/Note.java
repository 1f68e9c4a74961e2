package com.litedesk.ports.crm;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.time.Instant;
/** Free text attached to a contact, company or deal. */
public record Note(
        String id,
        long version,
        String text,
        @Nullable RecordRef target,
        String ownerId,
        @Nullable String teamId,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt,
        @Nullable String updatedBy) implements Owned, Searchable {

    /** Found by its text. */
    @Override
    public SearchText searchText() {
        return new SearchText(text, null);
    }
}
