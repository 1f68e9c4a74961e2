package com.litedesk.core;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.identity.AccessClaims;
import com.litedesk.ports.identity.TokenService;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A JDK-only token service for tests and embedding examples: HMAC-signed, audience-bound. */
public final class TestTokens implements TokenService {
    private final byte[] key;
    private final String audience;
    private final Clock clock;

    public TestTokens(String key, String audience, Clock clock) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.audience = audience;
        this.clock = clock;
    }

    @Override
    public String issue(AccessClaims c) {
        String body = String.join("|", c.subject(), c.audience(), c.role(), c.tokenId(),
                Long.toString(c.issuedAt().toEpochMilli()), Long.toString(c.expiresAt().toEpochMilli()), c.sessionId());
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + sign(encoded);
    }

    @Override
    public AccessClaims verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 0 || !MessageDigest.isEqual(sign(token.substring(0, dot)).getBytes(), token.substring(dot + 1).getBytes())) {
            throw LiteDeskException.unauthenticated("bad token");
        }
        String[] p = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8).split("\\|");
        AccessClaims claims = new AccessClaims(p[0], p[1], p[2], p[3], Instant.ofEpochMilli(Long.parseLong(p[4])),
                Instant.ofEpochMilli(Long.parseLong(p[5])), p[6]);
        if (!audience.equals(claims.audience()) || claims.expiresAt().isBefore(clock.instant())) {
            throw LiteDeskException.unauthenticated("token not for here or expired");
        }
        return claims;
    }

    @Override
    public String audience() {
        return audience;
    }

    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
