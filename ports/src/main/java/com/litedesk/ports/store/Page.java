package com.litedesk.ports.store;

import java.util.List;

/** One page of a {@link Query}: the records, and whether more follow the last one. */
public record Page<T>(List<T> items, boolean hasMore) {
    public Page {
        items = List.copyOf(items);
    }
}
