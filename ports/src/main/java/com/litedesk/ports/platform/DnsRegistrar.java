package com.litedesk.ports.platform;

import java.util.Optional;

/**
 * Publishes instance host names. Idempotent: registering an existing name points it at {@code target} again,
 * unregistering a missing one does nothing. A change is complete (propagated to the provider's servers) when
 * the call returns. UNAVAILABLE when the provider cannot be reached. Thread-safe.
 */
public interface DnsRegistrar {

    void register(String host, String target);

    void unregister(String host);

    /** Where {@code host} points, if it is registered. */
    Optional<String> lookup(String host);
}
