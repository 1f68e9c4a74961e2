package com.litedesk.core.crm.contacts;

import java.util.List;
import java.util.Map;

/** The fields of a contact a client writes. {@code ownerId} null: the creator (or unchanged). */
public record ContactDraft(String firstName, String lastName, List<String> emails, List<String> phones,
                           String title, String companyId, List<String> tags, String ownerId,
                           Map<String, Object> customFields) {

    public static ContactDraft named(String firstName, String lastName, String email) {
        return new ContactDraft(firstName, lastName, email == null ? List.of() : List.of(email), List.of(),
                null, null, List.of(), null, Map.of());
    }
}
