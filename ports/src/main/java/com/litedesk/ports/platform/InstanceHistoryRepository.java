package com.litedesk.ports.platform;

import com.litedesk.ports.store.Repository;

/** Health and usage histories, one per instance. */
public interface InstanceHistoryRepository extends Repository<InstanceHistory> {
}
