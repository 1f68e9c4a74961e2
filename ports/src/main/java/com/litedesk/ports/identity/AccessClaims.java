package com.litedesk.ports.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * What a verified access token says: who ({@code subject}, a user id), for whom ({@code audience},
 * e.g. {@code litedesk:instance:<id>}), with which role, how long it is valid, and which login session
 * ({@code sessionId}: the refresh-token family) it belongs to — ending that session ends the token.
 */
public record AccessClaims(String subject, String audience, String role, String tokenId, Instant issuedAt, Instant expiresAt,
                           String sessionId) {
    public AccessClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
