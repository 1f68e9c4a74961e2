package com.litedesk.ports.crm;

import java.util.Objects;

/** A pointer to one record of an instance. */
public record RecordRef(RecordType type, String id) {
    public RecordRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
