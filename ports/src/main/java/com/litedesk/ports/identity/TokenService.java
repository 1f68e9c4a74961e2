package com.litedesk.ports.identity;

/**
 * Mints and verifies signed access tokens for one issuer and audience with one key. An implementation is
 * bound to a single signing key, issuer and audience, and to a longest life: it rejects with UNAUTHENTICATED
 * tokens signed with any other key or algorithm, unsigned ones ({@code alg: none}), tokens of another issuer or
 * for another audience, expired ones, ones not yet valid ({@code nbf}) or issued in the future (beyond a small
 * clock skew), ones whose life ({@code exp − iat}) is longer than the longest it mints, and ones without a
 * subject or session. Thread-safe.
 */
public interface TokenService {
    String issue(AccessClaims claims);

    AccessClaims verify(String token);

    /** The audience this service mints for and accepts. */
    String audience();
}
