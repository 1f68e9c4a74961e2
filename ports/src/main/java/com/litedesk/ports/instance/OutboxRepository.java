package com.litedesk.ports.instance;

import com.litedesk.ports.store.Repository;

/** The development outbox. */
public interface OutboxRepository extends Repository<OutboxMail> {
}
