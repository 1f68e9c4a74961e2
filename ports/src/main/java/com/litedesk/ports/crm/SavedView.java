package com.litedesk.ports.crm;

import com.litedesk.ports.store.Entity;
import java.time.Instant;

/**
 * A list as someone shaped it, saved under a name: which list ({@code contacts}, {@code companies}), and its search,
 * filter, sort and columns as the list's URL query. Personal unless {@code shared}, when every user of the instance
 * sees it.
 */
public record SavedView(String id, long version, String userId, String list, String name, String query, boolean shared,
                        Instant createdAt, Instant updatedAt) implements Entity {
}
