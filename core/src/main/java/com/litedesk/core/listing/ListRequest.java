package com.litedesk.core.listing;

/**
 * A list request as a client sends it: the raw {@code filter}, {@code sort}, {@code q},
 * {@code cursor} and {@code limit} of the HTTP contract. Any of them may be null. The core parses
 * and validates them against the fields a list allows (VALIDATION naming the parameter). {@code count}: also
 * count every record the filter and search select (one more query; lists ask for it on their first page).
 */
public record ListRequest(String filter, String sort, String q, String cursor, Integer limit, boolean count) {

    public ListRequest(String filter, String sort, String q, String cursor, Integer limit) {
        this(filter, sort, q, cursor, limit, false);
    }

    public ListRequest counted() {
        return new ListRequest(filter, sort, q, cursor, limit, true);
    }

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static ListRequest firstPage() {
        return new ListRequest(null, null, null, null, null);
    }

    public static ListRequest filtered(String filter) {
        return new ListRequest(filter, null, null, null, null);
    }

    public ListRequest withCursor(String nextCursor) {
        return new ListRequest(filter, sort, q, nextCursor, limit, count);
    }

    public ListRequest withLimit(int newLimit) {
        return new ListRequest(filter, sort, q, cursor, newLimit, count);
    }

    /** This request, sorted by {@code defaultSort} unless it asks for a sort or a search of its own. */
    public ListRequest sortedByDefault(String defaultSort) {
        boolean chosen = (sort != null && !sort.isBlank()) || (q != null && !q.isBlank());
        return chosen ? this : new ListRequest(filter, defaultSort, q, cursor, limit, count);
    }
}
