package com.litedesk.app.security;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.identity.AccessClaims;
import com.litedesk.ports.identity.TokenService;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;

/**
 * Access tokens as HS256 JWTs (nimbus-jose-jwt), one key and one audience per instance. Anything
 * but a well-formed HS256 token signed with this key, for this audience, unexpired, is refused.
 * A token verified once is remembered (by its full text, signature included) until it expires, so that a client
 * sending the same token with every request is not parsed and MAC-checked every time.
 */
public final class JwtTokenService implements TokenService {

    private final byte[] key;
    private final String audience;
    private final Clock clock;
    private final MACSigner signer;
    private final MACVerifier verifier;
    private final java.util.concurrent.ConcurrentHashMap<String, AccessClaims> verified = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int REMEMBERED = 4096;

    public JwtTokenService(byte[] key, String audience, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the signing key needs at least 256 bits");
        }
        this.key = key.clone();
        this.audience = audience;
        this.clock = clock;
        try {
            this.signer = new MACSigner(this.key);
            this.verifier = new MACVerifier(this.key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String issue(AccessClaims c) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(audience).subject(c.subject()).audience(c.audience()).jwtID(c.tokenId())
                .issueTime(Date.from(c.issuedAt())).expirationTime(Date.from(c.expiresAt()))
                .claim("role", c.role()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public AccessClaims verify(String token) {
        AccessClaims known = verified.get(token);
        if (known != null) {
            if (known.expiresAt().isAfter(clock.instant())) {
                return known;
            }
            verified.remove(token);
            throw invalid();
        }
        AccessClaims claims = parseAndCheck(token);
        if (verified.size() >= REMEMBERED) {
            verified.clear(); // a crude bound: forgetting only costs a verification
        }
        verified.put(token, claims);
        return claims;
    }

    private AccessClaims parseAndCheck(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (claims.getAudience() == null || !claims.getAudience().contains(audience)
                    || expires == null || !expires.toInstant().isAfter(clock.instant())
                    || claims.getSubject() == null || claims.getIssueTime() == null) {
                throw invalid();
            }
            Object role = claims.getClaim("role");
            return new AccessClaims(claims.getSubject(), audience, role == null ? "" : role.toString(), claims.getJWTID(),
                    claims.getIssueTime().toInstant(), expires.toInstant());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw invalid();
        }
    }

    @Override
    public String audience() {
        return audience;
    }

    private static LiteDeskException invalid() {
        return LiteDeskException.unauthenticated("the access token is not valid here; log in again");
    }
}
