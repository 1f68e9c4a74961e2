package com.litedesk.ports.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What to list: all {@code where} conditions must hold (AND); results ordered by {@code sort}
 * then by id in the direction of the last sort key (ascending without one); {@code after} (keyset
 * pagination) holds the sort values of the last record of the previous page followed by its id, so
 * the page starts strictly after that record; at most {@code limit} records are returned. Nulls sort
 * before every value. A {@link SortKey#relevance()} sort is positional instead (see there).
 */
public record Query(List<Condition> where, List<SortKey> sort, List<Object> after, int limit) {

    public Query {
        where = List.copyOf(where);
        sort = List.copyOf(sort);
        after = after == null ? null : Collections.unmodifiableList(new ArrayList<>(after));
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        if (after != null && after.size() != sort.size() + 1) {
            throw new IllegalArgumentException("after needs one value per sort key plus the id");
        }
        if (sort.size() > 1 && sort.stream().anyMatch(SortKey::isRelevance)) {
            throw new IllegalArgumentException("a relevance sort is the only key of its query");
        }
    }

    public static Query all(int limit) {
        return new Query(List.of(), List.of(), null, limit);
    }

    public static Query where(List<Condition> where, int limit) {
        return new Query(where, List.of(), null, limit);
    }

    public Query withAfter(List<Object> nextAfter) {
        return new Query(where, sort, nextAfter, limit);
    }

    /** Whether this query is ordered by relevance (and so paged by position). */
    public boolean byRelevance() {
        return sort.size() == 1 && sort.getFirst().isRelevance();
    }

    /** For a relevance sort: how many matches precede the page. */
    public long offset() {
        return after == null || !byRelevance() ? 0 : ((Number) after.getFirst()).longValue();
    }

    /** Whether ties are broken by descending id (the last sort key is descending). */
    public boolean descendingIds() {
        return !sort.isEmpty() && sort.getLast().descending();
    }
}
