package com.litedesk.ports.crm;

import com.litedesk.ports.store.Entity;

/** A CRM record that belongs to a user and, through that user, to a team (possibly none). */
public interface Owned extends Entity {
    String ownerId();

    /** The owner's team when the record was assigned; null when the owner has none. */
    String teamId();

    java.time.Instant createdAt();

    String createdBy();
}
