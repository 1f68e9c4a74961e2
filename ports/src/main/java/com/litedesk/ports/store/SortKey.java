package com.litedesk.ports.store;

import java.util.Objects;

/** One sort field. Stores always add {@code id} ascending as the final tie-breaker. */
public record SortKey(String field, boolean descending) {
    public SortKey {
        Objects.requireNonNull(field, "field");
    }

    public static SortKey asc(String field) {
        return new SortKey(field, false);
    }

    public static SortKey desc(String field) {
        return new SortKey(field, true);
    }
}
