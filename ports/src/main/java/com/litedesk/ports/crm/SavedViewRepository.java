package com.litedesk.ports.crm;

import com.litedesk.ports.store.Repository;

/**
 * Storage of {@link SavedView}s. A list's views are read with {@code list} and {@code userId} fixed (one's own) and
 * with {@code list} and {@code shared} fixed (everyone's), both from an index in every store.
 */
public interface SavedViewRepository extends Repository<SavedView> {
}
