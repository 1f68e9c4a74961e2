package com.litedesk.ports.crm;

import java.util.List;

/** A typed extra field of contacts, companies or deals; {@code options} only for SELECT. */
public record CustomFieldDefinition(String key, String label, CustomFieldType type, List<String> options, boolean required) {
    public CustomFieldDefinition {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
