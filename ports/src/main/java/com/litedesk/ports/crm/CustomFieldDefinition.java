package com.litedesk.ports.crm;

import com.litedesk.ports.contract.Nullable;
import java.util.List;

/** A typed extra field of contacts, companies or deals; {@code options} only for SELECT. */
public record CustomFieldDefinition(
        String key,
        @Nullable String label,
        CustomFieldType type,
        @Nullable List<String> options,
        boolean required) {
    public CustomFieldDefinition {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
