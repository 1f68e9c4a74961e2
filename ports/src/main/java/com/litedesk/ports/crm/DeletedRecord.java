package com.litedesk.ports.crm;

import com.litedesk.ports.store.Entity;
import java.time.Instant;
import java.util.Map;

/**
 * A contact, company, deal, task, note or activity as it was when it was deleted, kept for a while so that the delete
 * can be undone. {@code id} is the deleted record's own id (ids are unique across kinds); {@code fields} holds every
 * field of the record as plain values — text, decimal numbers, true/false, lists and maps — the same shapes custom
 * field values have in every store.
 */
public record DeletedRecord(
        String id,
        long version,
        RecordType type,
        Map<String, Object> fields,
        Instant deletedAt,
        String deletedBy) implements Entity {

    public DeletedRecord {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
