package com.litedesk.ports.notifications;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.store.Entity;
import java.time.Instant;

/**
 * A message in one user's in-app inbox, pointing at the record it is about. The id may be chosen by the sender so that
 * sending the same notification twice is one insert that wins and one CONFLICT.
 */
public record Notification(
        String id,
        long version,
        String userId,
        NotificationKind kind,
        String title,
        @Nullable String text,
        @Nullable RecordRef link,
        boolean read,
        Instant createdAt,
        @Nullable Instant readAt) implements Entity {

    /** The same notification, read at {@code at} (unchanged when it was read already). */
    public Notification markedRead(Instant at) {
        return read ? this : new Notification(id, version + 1, userId, kind, title, text, link, true, createdAt, at);
    }
}
