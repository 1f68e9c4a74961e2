package com.litedesk.ports.crm;

import com.litedesk.ports.store.Repository;

/** Storage of {@link Task} records. */
public interface TaskRepository extends Repository<Task> {
}
