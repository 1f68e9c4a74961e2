package com.litedesk.ports.identity;

/** One-way password hashing (bcrypt or argon2id in production). Thread-safe. */
public interface PasswordHasher {
    String hash(String password);

    /** Constant-time where the algorithm allows; false for a malformed hash. */
    boolean matches(String password, String hash);
}
