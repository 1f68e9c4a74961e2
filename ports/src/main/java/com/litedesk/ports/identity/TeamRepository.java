package com.litedesk.ports.identity;

import com.litedesk.ports.store.Repository;

/** Storage of {@link Team} records. */
public interface TeamRepository extends Repository<Team> {
}
