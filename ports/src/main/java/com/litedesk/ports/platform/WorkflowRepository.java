package com.litedesk.ports.platform;

import com.litedesk.ports.store.Repository;

/** Workflows, one per instance (id = instance id). */
public interface WorkflowRepository extends Repository<Workflow> {
}
