package com.litedesk.ports.store;

import java.util.List;
import java.util.Optional;

/**
 * Storage of one kind of record. Implementations are thread-safe, need no multi-document
 * transactions, and report failures as {@link com.litedesk.ports.LiteDeskException}:
 * NOT_FOUND, CONFLICT (duplicate id or unique key), PRECONDITION_FAILED (stale version),
 * UNAVAILABLE (the store cannot be reached). Every store keeps instants to the millisecond (MongoDB's precision, and
 * that of backups); callers write millisecond instants, so that a record reads back equal from any store.
 *
 * @param <T> the record type
 */
public interface Repository<T extends Entity> {

    Optional<T> findById(String id);

    /** Stores a new record. CONFLICT if its id, or a unique key of the repository, is taken. */
    T insert(T entity);

    /**
     * Stores many new records in one round trip where the store allows (bulk import). Not atomic as
     * a whole: on a CONFLICT the records before the failing one may be stored; callers that need
     * to know re-read by id.
     */
    void insertAll(List<T> entities);

    /**
     * Replaces the stored record whose version is {@code expectedVersion} with {@code entity}
     * (whose version the caller has already advanced), atomically. PRECONDITION_FAILED when the
     * stored version differs, NOT_FOUND when there is no such record, CONFLICT on a unique key.
     */
    T replace(T entity, long expectedVersion);

    /** Deletes the record at {@code expectedVersion}. NOT_FOUND / PRECONDITION_FAILED as for replace. */
    void delete(String id, long expectedVersion);

    /** Lists records; see {@link Query} for ordering and keyset pagination. */
    Page<T> list(Query query);

    long count(List<Condition> where);
}
