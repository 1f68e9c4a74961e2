package com.litedesk.ports.platform;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.Entity;
import java.time.Instant;

/**
 * A copy of an instance's database in the backup store under {@code storeKey}.
 *
 * @param trigger {@code manual} or {@code scheduled}
 */
public record Backup(
        String id,
        long version,
        String instanceId,
        String storeKey,
        long sizeBytes,
        long documents,
        String trigger,
        @Nullable String createdBy,
        Instant createdAt) implements Entity {
}
