package com.litedesk.core.listing;

import com.litedesk.ports.contract.Nullable;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the opaque cursor of the next page (null on the last page) and, when the request asked to
 * count, how many records the whole list holds.
 */
public record ListResult<T>(List<T> items, @Nullable String nextCursor, @Nullable Long total) {
    public ListResult {
        items = List.copyOf(items);
    }

    public ListResult(List<T> items, String nextCursor) {
        this(items, nextCursor, null);
    }

    public <R> ListResult<R> map(Function<T, R> mapper) {
        return new ListResult<>(items.stream().map(mapper).toList(), nextCursor, total);
    }

    public ListResult<T> withTotal(Long count) {
        return new ListResult<>(items, nextCursor, count);
    }
}
