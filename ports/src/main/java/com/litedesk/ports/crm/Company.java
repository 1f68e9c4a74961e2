package com.litedesk.ports.crm;

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
        String updatedBy) implements Owned {

    public Company {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }
}
