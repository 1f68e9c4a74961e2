package com.litedesk.ports.crm;

import com.litedesk.ports.store.Entity;
import java.time.Instant;

/**
 * That one user opened one record, and when they last did: the stuff of their "recent records". One per user and
 * record ({@link #idOf}), so opening a record again moves it to the top instead of listing it twice.
 */
public record RecentView(String id, long version, String userId, RecordRef record, Instant viewedAt) implements Entity {

    /** The id of a user's view of a record: the same for every time they open it. */
    public static String idOf(String userId, RecordRef record) {
        return userId + ":" + record.type().name() + ":" + record.id();
    }
}
