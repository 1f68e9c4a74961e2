package com.litedesk.ports.crm;

import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.time.Instant;
import java.util.Map;

/** An organisation. {@code domain} is unique per instance, compared case-insensitively. */
public record Company(
        String id,
        long version,
        String name,
        String domain,
        String industry,
        String size,
        Address address,
        String ownerId,
        String teamId,
        Map<String, Object> customFields,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) implements Owned, Searchable {

    public Company {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** Found by name (first), then by domain and industry. */
    @Override
    public SearchText searchText() {
        return new SearchText(name, SearchText.join(domain, industry));
    }
}
