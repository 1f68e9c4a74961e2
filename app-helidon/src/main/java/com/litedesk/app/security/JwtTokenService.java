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
import com.litedesk.core.identity.Authentication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Access tokens as HS256 JWTs (nimbus-jose-jwt), one key ring, one issuer and one audience per instance (the control
 * plane has its own). As RFC 8725 asks, anything but a well-formed token typed {@code JWT}, signed with HS256 and a
 * key of the ring, is refused, and so is one whose {@code iss} or {@code aud} is not this service's, that has
 * expired, that is not valid yet ({@code nbf}), that was issued in the future ({@code iat}, beyond
 * {@link #CLOCK_SKEW}), whose life ({@code exp − iat}) is longer than {@link Authentication#ACCESS_TTL}, the life
 * of every token minted here, or that lacks its subject or session ({@code sid}). A token verified once is remembered (by its full text, signature included) until it expires, so that a client
 * sending the same token with every request is not parsed and MAC-checked every time.
 */
public final class JwtTokenService implements TokenService {

    private final java.util.function.Supplier<SigningKeys.Key> current;
    private final java.util.function.Function<String, java.util.Optional<SigningKeys.Key>> byId;
    /** How far clocks may disagree about {@code iat} and {@code nbf}. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final Duration LONGEST_LIFE = Authentication.ACCESS_TTL;

    private final String audience;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentHashMap<String, MACSigner> signers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, MACVerifier> verifiers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, AccessClaims> verified = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int REMEMBERED = 4096;

    /** Tokens signed with one fixed key. */
    public JwtTokenService(byte[] key, String audience, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the signing key needs at least 256 bits");
        }
        SigningKeys.Key only = new SigningKeys.Key(SigningKeys.idOf(key), key.clone(), null);
        this.current = () -> only;
        this.byId = kid -> kid.equals(only.id()) ? java.util.Optional.of(only) : java.util.Optional.empty();
        this.audience = audience;
        this.clock = clock;
    }

    /** Tokens signed with the ring's current key (its id in the header), verified with whichever key of the ring signed them. */
    public JwtTokenService(SigningKeys keys, String audience, Clock clock) {
        this.current = keys::current;
        this.byId = keys::find;
        this.audience = audience;
        this.clock = clock;
    }

    private MACSigner signer(SigningKeys.Key key) {
        return signers.computeIfAbsent(key.id(), id -> {
            try {
                return new MACSigner(key.secret());
            } catch (JOSEException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    /** The verifier of the key a token names (a token without a key id: the current key's), or null. */
    private MACVerifier verifier(String kid) {
        SigningKeys.Key key = kid == null ? current.get() : byId.apply(kid).orElse(null);
        if (key == null) {
            return null;
        }
        return verifiers.computeIfAbsent(key.id(), id -> {
            try {
                return new MACVerifier(key.secret());
            } catch (JOSEException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    @Override
    public String issue(AccessClaims c) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(audience).subject(c.subject()).audience(c.audience()).jwtID(c.tokenId())
                .issueTime(Date.from(c.issuedAt())).notBeforeTime(Date.from(c.issuedAt())).expirationTime(Date.from(c.expiresAt()))
                .claim("role", c.role()).claim("sid", c.sessionId()).build();
        SigningKeys.Key key = current.get();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(key.id()).build(), claims);
        try {
            jwt.sign(signer(key));
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
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !JOSEObjectType.JWT.equals(jwt.getHeader().getType())) {
                throw invalid();
            }
            MACVerifier verifier = verifier(jwt.getHeader().getKeyID());
            if (verifier == null || !jwt.verify(verifier)) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Instant expires = claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
            Instant issued = claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant();
            Instant notBefore = claims.getNotBeforeTime() == null ? null : claims.getNotBeforeTime().toInstant();
            Object session = claims.getClaim("sid");
            if (!audience.equals(claims.getIssuer()) || claims.getAudience() == null || !claims.getAudience().contains(audience)
                    || claims.getSubject() == null || !(session instanceof String sid) || sid.isEmpty()
                    || expires == null || !expires.isAfter(now)
                    || issued == null || issued.isAfter(now.plus(CLOCK_SKEW))
                    || notBefore != null && notBefore.isAfter(now.plus(CLOCK_SKEW))
                    || Duration.between(issued, expires).compareTo(LONGEST_LIFE) > 0) {
                throw invalid();
            }
            Object role = claims.getClaim("role");
            return new AccessClaims(claims.getSubject(), audience, role == null ? "" : role.toString(), claims.getJWTID(),
                    issued, expires, sid);
        } catch (ParseException | JOSEException | IllegalStateException | IllegalArgumentException e) {
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
