package com.litedesk.ports.crm;

import com.litedesk.ports.store.Repository;

/**
 * Storage of {@link DeletedRecord}s. They are read by id (undo) and listed oldest first by {@code deletedAt} (to let
 * the old ones go), both from an index in every store.
 */
public interface DeletedRecordRepository extends Repository<DeletedRecord> {
}
