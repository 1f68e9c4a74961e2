package com.litedesk.core.crm.contacts;

import com.litedesk.ports.contract.MaxItems;
import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import java.util.List;
import java.util.Map;

/** The fields of a contact a client writes. {@code ownerId} null: the creator (or unchanged). */
public record ContactDraft(
        @Nullable @MaxLength(100) String firstName,
        @Nullable @MaxLength(100) String lastName,
        @Nullable @MaxItems(10) @MaxLength(254) List<String> emails,
        @Nullable @MaxItems(10) @MaxLength(40) List<String> phones,
        @Nullable @MaxLength(200) String title,
        @Nullable String companyId,
        @Nullable @MaxItems(20) @MaxLength(50) List<String> tags,
        @Nullable String ownerId,
        @Nullable Map<String, Object> customFields) {

    public static ContactDraft named(String firstName, String lastName, String email) {
        return new ContactDraft(firstName, lastName, email == null ? List.of() : List.of(email), List.of(),
                null, null, List.of(), null, Map.of());
    }
}
