package com.litedesk.core.records;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.ports.FieldError;
import com.litedesk.ports.LiteDeskException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Streams rows into a record service: each row becomes a draft, is matched by its unique key
 * (email, domain) to an existing record — updated — or created; new records are written in
 * batches. Rows are never held beyond one batch, so files of any length import in bounded memory.
 * One audit entry summarises the import.
 *
 * @param <T> the record
 * @param <D> its draft
 */
public final class RecordImport<T extends Record & com.litedesk.ports.crm.Owned, D> {

    /** How one kind of record is imported. */
    public interface Mapping<T, D> {
        /** The draft a row describes; problems go to {@code v}. Keys are field names after the header mapping. */
        D draft(Map<String, String> row, Validation v);

        /** The unique key of a draft (normalised), or null when it has none. */
        String key(D draft);

        Optional<T> findByKey(String key);

        /** The existing record's draft with the row's non-empty values laid over it. */
        D merge(D existing, D incoming);
    }

    private static final int BATCH = 500;
    private static final int MAX_ERRORS = 1000;

    private final OwnedRecords<T, D> service;
    private final Mapping<T, D> mapping;

    public RecordImport(OwnedRecords<T, D> service, Mapping<T, D> mapping) {
        this.service = service;
        this.mapping = mapping;
    }

    public ImportReport run(Actor actor, Iterator<Map<String, String>> rows, Function<Map<String, String>, Map<String, String>> header,
                            boolean dryRun, long createLimit) {
        service.context.guard().require(actor, service.resource, Action.IMPORT);
        List<T> pending = new ArrayList<>();
        Set<String> keysInBatch = new HashSet<>();
        Set<String> keysSeenInDryRun = new HashSet<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        long rowNumber = 1;
        long created = 0;
        long updated = 0;
        long failed = 0;
        while (rows.hasNext()) {
            Map<String, String> raw = rows.next();
            rowNumber++;
            try {
                Validation v = new Validation();
                D draft = mapping.draft(header.apply(raw), v);
                v.throwIfInvalid();
                String key = mapping.key(draft);
                if (key != null && keysInBatch.contains(key)) {
                    flush(pending, keysInBatch); // a later row updates a record created earlier in the file
                }
                Optional<T> existing = key == null ? Optional.empty() : mapping.findByKey(key);
                if (existing.isPresent()) {
                    T current = existing.get();
                    service.context.guard().require(actor, service.resource, Action.EDIT, current, service.ref(current.id()));
                    T next = service.prepareUpdate(actor, current, mapping.merge(service.draftOf(current), draft));
                    if (!dryRun) {
                        service.repository.replace(next, current.version());
                    }
                    updated++;
                } else if (dryRun && key != null && !keysSeenInDryRun.add(key)) {
                    updated++;
                } else {
                    if (created >= createLimit) {
                        throw LiteDeskException.limitReached("the plan's limit is reached; this row was not imported");
                    }
                    T record = service.prepareCreate(actor, draft);
                    if (!dryRun) {
                        pending.add(record);
                        if (key != null) {
                            keysInBatch.add(key);
                        }
                        if (pending.size() >= BATCH) {
                            flush(pending, keysInBatch);
                        }
                    }
                    created++;
                }
            } catch (LiteDeskException e) {
                failed++;
                if (errors.size() < MAX_ERRORS) {
                    if (e.errors().isEmpty()) {
                        errors.add(new ImportReport.RowError(rowNumber, null, e.getMessage()));
                    }
                    for (FieldError fe : e.errors()) {
                        errors.add(new ImportReport.RowError(rowNumber, fe.field(), fe.message()));
                    }
                }
            }
        }
        if (!dryRun) {
            flush(pending, keysInBatch);
            service.context.audit().recordSuccess(actor, service.action("import"), null, Map.of(), Map.of(
                    "rows", Long.toString(rowNumber - 1), "created", Long.toString(created),
                    "updated", Long.toString(updated), "failed", Long.toString(failed)));
        }
        return new ImportReport(dryRun, rowNumber - 1, created, updated, failed, errors);
    }

    private void flush(List<T> pending, Set<String> keys) {
        if (!pending.isEmpty()) {
            service.repository.insertAll(List.copyOf(pending));
            pending.clear();
        }
        keys.clear();
    }
}
