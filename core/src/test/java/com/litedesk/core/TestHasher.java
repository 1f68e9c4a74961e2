package com.litedesk.core;

import com.litedesk.core.support.Sha256;
import com.litedesk.ports.identity.PasswordHasher;

/** A fast salted-hash stand-in for bcrypt in core tests (the app uses bcrypt). */
public final class TestHasher implements PasswordHasher {
    private final java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();

    /** How many passwords were checked against a hash so far. */
    public long checks() {
        return checks.get();
    }

    @Override
    public String hash(String password) {
        String salt = Long.toHexString(System.nanoTime());
        return salt + ":" + Sha256.hex(salt + password);
    }

    @Override
    public boolean matches(String password, String hash) {
        checks.incrementAndGet();
        int colon = hash.indexOf(':');
        return colon > 0 && Sha256.hex(hash.substring(0, colon) + password).equals(hash.substring(colon + 1));
    }
}
