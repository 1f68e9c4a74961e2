package com.litedesk.ports.identity;

import com.litedesk.ports.store.Repository;

/** Storage of {@link Credentials}, keyed by user id. */
public interface CredentialsRepository extends Repository<Credentials> {
}
