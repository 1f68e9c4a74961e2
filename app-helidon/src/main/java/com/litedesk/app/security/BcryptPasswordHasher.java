package com.litedesk.app.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.identity.PasswordHasher;
import java.nio.charset.StandardCharsets;

/** bcrypt (2b) through at.favre.lib:bcrypt. Passwords longer than bcrypt's 72 bytes are refused, never cut. */
public final class BcryptPasswordHasher implements PasswordHasher {

    private final int cost;

    public BcryptPasswordHasher(int cost) {
        if (cost < 10 || cost > 16) {
            throw new IllegalArgumentException("bcrypt cost must be 10 to 16");
        }
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 72) {
            throw LiteDeskException.invalid("password", "must be at most 72 bytes");
        }
        return new String(BCrypt.with(BCrypt.Version.VERSION_2B).hash(cost, bytes), StandardCharsets.UTF_8);
    }

    @Override
    public boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 72 || hash == null) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
