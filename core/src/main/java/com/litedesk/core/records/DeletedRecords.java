package com.litedesk.core.records;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.DeletedRecord;
import com.litedesk.ports.crm.Owned;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Operator;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The copies of deleted records that let a delete be undone: one per record, as it was, for {@link #KEPT_FOR}; the
 * oldest past that are let go as later deletes happen, a few at a time.
 */
final class DeletedRecords {

    /** How long a deleted record can be brought back. */
    static final Duration KEPT_FOR = Duration.ofDays(30);
    private static final int LET_GO_PER_DELETE = 20;

    private final RecordContext context;

    DeletedRecords(RecordContext context) {
        this.context = context;
    }

    /** Keeps a copy of {@code record}, about to be deleted by {@code actorId} (replacing an earlier copy of it). */
    <T extends Record & Owned> void keep(RecordType type, T record, String actorId) {
        Instant now = context.now();
        DeletedRecord copy = new DeletedRecord(record.id(), 1, type, RecordValues.of(record), now, actorId);
        try {
            context.deleted().insert(copy);
        } catch (LiteDeskException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            // deleted before, restored, deleted again: this copy replaces the earlier one
            DeletedRecord earlier = context.deleted().findById(record.id()).orElseThrow(() -> e);
            context.deleted().replace(new DeletedRecord(copy.id(), earlier.version() + 1, type, copy.fields(), now, actorId), earlier.version());
        }
        Query old = new Query(List.of(Condition.of("deletedAt", Operator.LT, now.minus(KEPT_FOR))), List.of(SortKey.asc("deletedAt")),
                null, LET_GO_PER_DELETE);
        context.deleted().list(old).items().forEach(this::forget);
    }

    /** The copy of a record of {@code type} deleted less than {@link #KEPT_FOR} ago. */
    Optional<DeletedRecord> find(RecordType type, String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        Instant oldest = context.now().minus(KEPT_FOR);
        return context.deleted().findById(id).filter(d -> d.type() == type && !d.deletedAt().isBefore(oldest));
    }

    /** See {@link OwnedRecords#restore}. */
    <T extends Record & Owned> T restore(OwnedRecords<T, ?> records, Actor actor, String id) {
        DeletedRecord kept = find(records.type, id).orElseThrow(() -> new LiteDeskException(ErrorCode.NOT_FOUND, "no deleted "
                + records.noun().toLowerCase(Locale.ROOT) + " of that id is kept (a deleted record can be brought back for "
                + KEPT_FOR.toDays() + " days)"));
        Class<T> recordClass = recordClass(records);
        Map<String, Object> values = new LinkedHashMap<>(kept.fields());
        T before = RecordValues.read(recordClass, values);
        context.guard().require(actor, records.resource, Action.DELETE, before, records.ref(id));
        T existing = records.repository.findById(id).orElse(null);
        if (existing == null) {
            values.put("version", BigDecimal.valueOf(before.version() + 1));
            values.put("updatedAt", context.now().toString());
            values.put("updatedBy", actor.userId());
            T record = RecordValues.read(recordClass, values);
            context.plan().requireStorageRoom();
            records.beforeRestore(actor, record);
            try {
                records.repository.insert(record);
                context.audit().recordSuccess(actor, records.action("restore"), records.ref(id), Map.of(), Changes.of(record));
                existing = record;
            } catch (LiteDeskException e) {
                // a restore that raced this one won; anything else (a unique email taken) is the caller's to hear
                existing = e.code() == ErrorCode.CONFLICT ? records.repository.findById(id).orElse(null) : null;
                if (existing == null) {
                    throw e;
                }
            }
        }
        forget(kept);
        return existing;
    }

    /** The record type of an {@code OwnedRecords} subclass, from its type argument. */
    @SuppressWarnings("unchecked")
    private static <T extends Record & Owned> Class<T> recordClass(OwnedRecords<T, ?> records) {
        Class<?> c = records.getClass();
        while (c.getSuperclass() != OwnedRecords.class) {
            c = c.getSuperclass();
        }
        return (Class<T>) ((ParameterizedType) c.getGenericSuperclass()).getActualTypeArguments()[0];
    }

    /** Lets a copy go (a restored record's, or one past keeping); one gone already is no matter. */
    void forget(DeletedRecord copy) {
        try {
            context.deleted().delete(copy.id(), copy.version());
        } catch (LiteDeskException e) {
            if (e.code() != ErrorCode.NOT_FOUND && e.code() != ErrorCode.PRECONDITION_FAILED) {
                throw e;
            }
        }
    }
}
