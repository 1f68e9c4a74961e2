package com.litedesk.ports.audit;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.store.Entity;
import java.time.Instant;
import java.util.Map;

/**
 * One append-only line of the audit log. {@code seq} starts at 1 and has no gaps; {@code id} is
 * {@code seq} zero-padded to 12 digits so that id order is log order. {@code hash} is the SHA-256
 * (hex) over the previous entry's hash and this entry's content, so any edit or removal breaks
 * the chain. {@code record} may be null (logins, settings).
 */
public record AuditEntry(
        String id,
        long version,
        long seq,
        Instant at,
        @Nullable String actorId,
        String action,
        @Nullable RecordRef record,
        AuditOutcome outcome,
        @Nullable Map<String, String> before,
        @Nullable Map<String, String> after,
        @Nullable String requestId,
        @Nullable String prevHash,
        String hash) implements Entity {

    public AuditEntry {
        before = before == null ? Map.of() : Map.copyOf(before);
        after = after == null ? Map.of() : Map.copyOf(after);
    }

    public static String idOf(long seq) {
        return String.format("%012d", seq);
    }
}
