package com.litedesk.ports.crm;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A person. The first address in {@code emails} is the primary one and is unique per instance
 * (case-insensitive): CSV import upserts by it. {@code customFields} hold values typed by the
 * instance's {@link CustomFieldDefinition}s: String, BigDecimal, Boolean or an ISO date String.
 */
public record Contact(
        String id,
        long version,
        @Nullable String firstName,
        @Nullable String lastName,
        List<String> emails,
        List<String> phones,
        @Nullable String title,
        @Nullable String companyId,
        List<String> tags,
        String ownerId,
        @Nullable String teamId,
        Map<String, Object> customFields,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt,
        @Nullable String updatedBy) implements Owned, Searchable {

    public Contact {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        tags = tags == null ? List.of() : List.copyOf(tags);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** The primary email address, or null. */
    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.getFirst();
    }

    /** Found by name (first), then by email addresses, phone numbers and title. */
    @Override
    public SearchText searchText() {
        return new SearchText(SearchText.join(firstName, lastName),
                SearchText.join(String.join(" ", emails), String.join(" ", phones), title));
    }
}
