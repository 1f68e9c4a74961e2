package com.litedesk.core.listing;

import com.litedesk.ports.contract.Nullable;
import java.util.List;
import java.util.function.Function;

/** One page of a list and the opaque cursor of the next page (null on the last page). */
public record ListResult<T>(List<T> items, @Nullable String nextCursor) {
    public ListResult {
        items = List.copyOf(items);
    }

    public <R> ListResult<R> map(Function<T, R> mapper) {
        return new ListResult<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
