package com.litedesk.core.audit;

import com.litedesk.ports.contract.Nullable;

/**
 * The result of re-computing the audit chain: {@code valid} when every entry's hash matches its
 * content and its predecessor, with no gaps; otherwise the first entry that breaks it and why.
 */
public record AuditVerification(boolean valid, long entriesChecked, @Nullable Long firstBrokenSeq, @Nullable String problem) {
}
