package com.litedesk.ports.crm;

import com.litedesk.ports.store.Repository;

/**
 * Storage of {@link RecentView}s. A user's views are listed with {@code userId} fixed and sorted by {@code viewedAt}
 * descending, which every store serves from an index; ids are {@link RecentView#idOf}, so a second insert of the
 * same user and record is a CONFLICT and a re-view is a {@code replace}.
 */
public interface RecentViewRepository extends Repository<RecentView> {
}
