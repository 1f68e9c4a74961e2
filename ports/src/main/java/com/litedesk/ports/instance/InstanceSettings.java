package com.litedesk.ports.instance;

import com.litedesk.ports.contract.Nullable;
import java.time.Instant;
import com.litedesk.ports.crm.CustomFieldDefinition;
import com.litedesk.ports.store.Entity;
import java.util.List;
import java.util.Map;

/**
 * The one settings record of an instance (id {@link #ID}): its display name, plan, limits and the
 * custom field definitions per record type (keys are {@code RecordType} names) and its branding.
 */
public record InstanceSettings(
        String id,
        long version,
        String name,
        @Nullable String plan,
        PlanLimits limits,
        Map<String, List<CustomFieldDefinition>> customFields,
        @Nullable Branding branding,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt,
        @Nullable String updatedBy) implements Entity {

    public static final String ID = "instance";

    public InstanceSettings {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        limits = limits == null ? PlanLimits.UNLIMITED : limits;
        branding = branding == null ? Branding.NONE : branding;
    }

    public List<CustomFieldDefinition> customFieldsOf(String recordType) {
        return customFields.getOrDefault(recordType, List.of());
    }
}
