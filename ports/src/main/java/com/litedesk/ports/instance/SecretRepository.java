package com.litedesk.ports.instance;

import com.litedesk.ports.store.Repository;

/**
 * Secrets. Creating one is insert-if-absent through {@link #insert} (CONFLICT when it exists), so
 * concurrent first starts agree on one value.
 */
public interface SecretRepository extends Repository<Secret> {
}
