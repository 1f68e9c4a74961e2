package com.litedesk.ports.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * What a verified access token says: who ({@code subject}, a user id), for whom ({@code audience},
 * e.g. {@code litedesk:instance:<id>}), with which role, and how long it is valid.
 */
public record AccessClaims(String subject, String audience, String role, String tokenId, Instant issuedAt, Instant expiresAt) {
    public AccessClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
