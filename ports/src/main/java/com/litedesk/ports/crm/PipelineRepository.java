package com.litedesk.ports.crm;

import com.litedesk.ports.store.Repository;

/** Storage of {@link Pipeline} records. */
public interface PipelineRepository extends Repository<Pipeline> {
}
