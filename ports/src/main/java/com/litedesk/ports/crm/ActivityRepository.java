package com.litedesk.ports.crm;

import com.litedesk.ports.store.Repository;

/** Storage of {@link Activity} records. */
public interface ActivityRepository extends Repository<Activity> {
}
