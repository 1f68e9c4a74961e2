package com.litedesk.ports.platform;

import com.litedesk.ports.store.Entity;
import java.time.Instant;

/** A paying (or trialling) organisation; {@code billingReference} is its id at the billing provider. */
public record Customer(
        String id,
        long version,
        String name,
        String contactName,
        String email,
        String billingReference,
        Instant createdAt) implements Entity {
}
