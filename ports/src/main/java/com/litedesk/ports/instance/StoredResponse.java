package com.litedesk.ports.instance;

import com.litedesk.ports.store.Entity;
import java.time.Instant;

/**
 * The first response to a write sent with an {@code Idempotency-Key}. {@code id} scopes the key
 * (caller + key); {@code fingerprint} identifies the request (method, path, body hash) so that a
 * key reused for a different request is refused.
 */
public record StoredResponse(String id, long version, String fingerprint, int status, String contentType,
                             String body, String location, Instant createdAt) implements Entity {
}
