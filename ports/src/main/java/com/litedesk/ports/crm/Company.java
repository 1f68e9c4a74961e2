package com.litedesk.ports.crm;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.time.Instant;
import java.util.Map;

/** An organisation. {@code domain} is unique per instance, compared case-insensitively. */
public record Company(
        String id,
        long version,
        String name,
        @Nullable String domain,
        @Nullable String industry,
        @Nullable String size,
        @Nullable Address address,
        String ownerId,
        @Nullable String teamId,
        Map<String, Object> customFields,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt,
        @Nullable String updatedBy) implements Owned, Searchable {

    public Company {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** Found by name (first), then by domain and industry. */
    @Override
    public SearchText searchText() {
        return new SearchText(name, SearchText.join(domain, industry));
    }
}
