package com.litedesk.app.security;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.Secret;
import com.litedesk.ports.instance.SecretRepository;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The instance's token signing key: given by configuration, or made once and kept in the
 * instance's own database (insert-if-absent, so concurrent first starts agree on one key).
 */
public final class SigningKeys {

    static final String NAME = "jwt-signing-key";

    private SigningKeys() {
    }

    public static byte[] load(SecretRepository secrets, String configured) {
        return load(secrets, configured, NAME);
    }

    /** The 32-byte key kept under {@code name}: made once, then the same for every process sharing the database. */
    public static byte[] load(SecretRepository secrets, String configured, String name) {
        if (configured != null && !configured.isBlank()) {
            return Base64.getDecoder().decode(configured.strip());
        }
        return secrets.findById(name).map(s -> Base64.getDecoder().decode(s.value())).orElseGet(() -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                secrets.insert(new Secret(name, 1, Base64.getEncoder().encodeToString(key)));
                return key;
            } catch (LiteDeskException raced) {
                return Base64.getDecoder().decode(secrets.findById(name).orElseThrow().value());
            }
        });
    }
}
