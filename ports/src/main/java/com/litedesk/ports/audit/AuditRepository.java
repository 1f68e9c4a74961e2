package com.litedesk.ports.audit;

import com.litedesk.ports.store.Repository;
import java.util.Optional;

/**
 * The audit log. Entries are only ever inserted: {@link #insert} fails with CONFLICT when the
 * sequence number is taken, which is how concurrent writers serialise the chain without
 * transactions. Implementations must not offer a working replace or delete for entries.
 */
public interface AuditRepository extends Repository<AuditEntry> {
    /** The entry with the highest sequence number, if any. */
    Optional<AuditEntry> last();
}
