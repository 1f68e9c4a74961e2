package com.litedesk.core.support;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable opaque tokens (refresh tokens, set-password links): 256 random bits, base64url. */
public final class RandomTokens {
    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
