package com.litedesk.ports.store;

import java.util.Objects;

/**
 * One sort field. Stores always add {@code id} as the final tie-breaker, in the direction of the last sort key
 * (ascending when there is none), so that one index on {@code (field, id)} serves both directions.
 */
public record SortKey(String field, boolean descending) {

    /** The pseudo-field of {@link #relevance()}. */
    public static final String RELEVANCE = "_relevance";

    public SortKey {
        Objects.requireNonNull(field, "field");
    }

    public static SortKey asc(String field) {
        return new SortKey(field, false);
    }

    public static SortKey desc(String field) {
        return new SortKey(field, true);
    }

    /**
     * Best full-text matches first (with a {@link Condition.Matches}; without one, id order). It is the only key
     * of its query, and its pages are positional: the first value of {@link Query#after()} is how many matches
     * come before the page (the second, the last id seen, is not used).
     */
    public static SortKey relevance() {
        return new SortKey(RELEVANCE, false);
    }

    public boolean isRelevance() {
        return field.equals(RELEVANCE);
    }
}
