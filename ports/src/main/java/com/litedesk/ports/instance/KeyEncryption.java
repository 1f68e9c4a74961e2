package com.litedesk.ports.instance;

/**
 * The key-encryption key that secrets at rest are sealed under, kept outside every database: a master key given
 * to the process, or a key of a key-management service that never leaves it. Envelope encryption: each secret has
 * its own data key; only data keys are wrapped here. Thread-safe.
 */
public interface KeyEncryption {

    /** Names this key-encryption key (kept next to what it wrapped, so a wrong key is told apart from damage). */
    String keyId();

    /** Encrypts a data key; {@code context} (the secret's name) must be given again to unwrap. */
    byte[] wrap(byte[] dataKey, String context);

    /** Decrypts what {@link #wrap} made with the same context; UNAVAILABLE when it cannot (another key, damage). */
    byte[] unwrap(byte[] wrapped, String context);
}
