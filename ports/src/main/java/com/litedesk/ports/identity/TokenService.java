package com.litedesk.ports.identity;

/**
 * Mints and verifies signed access tokens for one audience with one key. An implementation is
 * bound to a single signing key and audience: it rejects tokens signed with any other key, for
 * any other audience, expired ones, and unsigned ones ({@code alg: none}) with UNAUTHENTICATED.
 * Thread-safe.
 */
public interface TokenService {
    String issue(AccessClaims claims);

    AccessClaims verify(String token);

    /** The audience this service mints for and accepts. */
    String audience();
}
