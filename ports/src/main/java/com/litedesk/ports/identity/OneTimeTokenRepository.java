package com.litedesk.ports.identity;

import com.litedesk.ports.store.Repository;
import java.time.Instant;
import java.util.Optional;

/** Single-use tokens. */
public interface OneTimeTokenRepository extends Repository<OneTimeToken> {
    /**
     * Atomically marks an unused token used at {@code at} and returns it as it was before;
     * empty when the token does not exist or was already used.
     */
    Optional<OneTimeToken> consume(String id, Instant at);
}
