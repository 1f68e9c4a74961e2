package com.litedesk.core.support;

import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Entity;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.Repository;
import java.util.List;
import java.util.function.Consumer;

/** Reads every record a condition selects, a page at a time in id order, so that any number of them fits in memory. */
public final class EveryRecord {

    private EveryRecord() {
    }

    /** Hands every record of {@code store} matching {@code where} to {@code sink}, {@code page} at a time, in id order. */
    public static <T extends Entity> void forEach(Repository<T> store, List<Condition> where, int page, Consumer<T> sink) {
        Query query = Query.where(where, page);
        while (true) {
            Page<T> read = store.list(query);
            read.items().forEach(sink);
            if (!read.hasMore() || read.items().isEmpty()) {
                return;
            }
            query = query.withAfter(List.of(read.items().getLast().id()));
        }
    }
}
