package com.litedesk.ports.instance;

import com.litedesk.ports.store.Entity;

/** A named secret of an instance (its token signing key); {@code id} is the name. */
public record Secret(String id, long version, String value) implements Entity {
}
