package com.litedesk.ports.instance;

import com.litedesk.ports.store.Repository;

/** Stored first responses of idempotent writes; insert is the atomic claim of a key. */
public interface IdempotencyRepository extends Repository<StoredResponse> {
}
