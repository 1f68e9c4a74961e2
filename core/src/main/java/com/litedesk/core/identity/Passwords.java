package com.litedesk.core.identity;

import com.litedesk.ports.LiteDeskException;
import java.nio.charset.StandardCharsets;

/** The password rule: 10 to 72 bytes (bcrypt's limit), not all one character. */
final class Passwords {
    private Passwords() {
    }

    static void check(String field, String password) {
        if (password == null || password.length() < 10) {
            throw LiteDeskException.invalid(field, "must be at least 10 characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw LiteDeskException.invalid(field, "must be at most 72 bytes");
        }
        if (password.chars().distinct().count() < 4) {
            throw LiteDeskException.invalid(field, "is too simple");
        }
    }
}
