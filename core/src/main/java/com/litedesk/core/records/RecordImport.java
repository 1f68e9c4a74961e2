package com.litedesk.core.records;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.ports.ErrorCode;
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
        Tally tally = new Tally();
        Set<String> keysSeenInDryRun = new HashSet<>();
        long rowNumber = 1;
        while (rows.hasNext()) {
            Map<String, String> raw = rows.next();
            rowNumber++;
            try {
                Validation v = new Validation();
                D draft = mapping.draft(header.apply(raw), v);
                v.throwIfInvalid();
                String key = mapping.key(draft);
                if (key != null && tally.keysInBatch.contains(key)) {
                    flush(tally); // a later row updates a record created earlier in the file
                }
                Optional<T> existing = key == null ? Optional.empty() : mapping.findByKey(key);
                if (existing.isPresent()) {
                    T current = existing.get();
                    service.context.guard().require(actor, service.resource, Action.EDIT, current, service.ref(current.id()));
                    T next = service.prepareUpdate(actor, current, mapping.merge(service.draftOf(current), draft));
                    if (!dryRun) {
                        service.repository.replace(next, current.version());
                    }
                    tally.updated++;
                } else if (dryRun && key != null && !keysSeenInDryRun.add(key)) {
                    tally.updated++;
                } else {
                    if (tally.created >= createLimit) {
                        throw LiteDeskException.limitReached("the plan's limit is reached; this row was not imported");
                    }
                    if (tally.pending.isEmpty()) {
                        service.context.plan().requireStorageRoom(); // once a batch: an import stops near the limit
                    }
                    T record = service.prepareCreate(actor, draft);
                    if (!dryRun) {
                        tally.pending.add(record);
                        tally.pendingRows.add(rowNumber);
                        if (key != null) {
                            tally.keysInBatch.add(key);
                        }
                        if (tally.pending.size() >= BATCH) {
                            flush(tally);
                        }
                    }
                    tally.created++;
                }
            } catch (LiteDeskException e) {
                if (e.code() == ErrorCode.UNAVAILABLE) {
                    throw e; // the store failed: the import stops, it is not this row's fault
                }
                tally.fail(rowNumber, e);
            }
        }
        if (!dryRun) {
            flush(tally);
            service.context.audit().recordSuccess(actor, service.action("import"), null, Map.of(), Map.of(
                    "rows", Long.toString(rowNumber - 1), "created", Long.toString(tally.created),
                    "updated", Long.toString(tally.updated), "failed", Long.toString(tally.failed)));
        }
        tally.errors.sort(java.util.Comparator.comparingLong(ImportReport.RowError::row));
        return new ImportReport(dryRun, rowNumber - 1, tally.created, tally.updated, tally.failed, tally.errors);
    }

    /**
     * Writes the pending batch. When the batch write is refused (a key taken meanwhile), the records are
     * written one by one, so that exactly the refused rows are reported and the batch is never retried whole.
     */
    private void flush(Tally tally) {
        if (tally.pending.isEmpty()) {
            tally.keysInBatch.clear();
            return;
        }
        List<T> batch = List.copyOf(tally.pending);
        List<Long> batchRows = List.copyOf(tally.pendingRows);
        tally.pending.clear();
        tally.pendingRows.clear();
        tally.keysInBatch.clear();
        try {
            service.repository.insertAll(batch);
        } catch (LiteDeskException refused) {
            if (refused.code() == ErrorCode.UNAVAILABLE) {
                throw refused;
            }
            for (int i = 0; i < batch.size(); i++) {
                T record = batch.get(i);
                if (service.repository.findById(record.id()).isPresent()) {
                    continue; // written before the refusal
                }
                try {
                    service.repository.insert(record);
                } catch (LiteDeskException e) {
                    if (e.code() == ErrorCode.UNAVAILABLE) {
                        throw e;
                    }
                    tally.created--;
                    tally.fail(batchRows.get(i), e);
                }
            }
        }
    }

    /** The running counts of one import and the batch not yet written. */
    private final class Tally {
        final List<T> pending = new ArrayList<>();
        final List<Long> pendingRows = new ArrayList<>();
        final Set<String> keysInBatch = new HashSet<>();
        final List<ImportReport.RowError> errors = new ArrayList<>();
        long created;
        long updated;
        long failed;

        void fail(long row, LiteDeskException e) {
            failed++;
            if (errors.size() < MAX_ERRORS) {
                if (e.errors().isEmpty()) {
                    errors.add(new ImportReport.RowError(row, null, e.getMessage()));
                }
                for (FieldError fe : e.errors()) {
                    errors.add(new ImportReport.RowError(row, fe.field(), fe.message()));
                }
            }
        }
    }
}
