package com.litedesk.core.identity;

import com.litedesk.core.access.Actor;
import com.litedesk.core.audit.AuditLog;
import com.litedesk.core.support.RandomTokens;
import com.litedesk.core.support.Sha256;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.AccessClaims;
import com.litedesk.ports.identity.Credentials;
import com.litedesk.ports.identity.CredentialsRepository;
import com.litedesk.ports.identity.OneTimeTokenRepository;
import com.litedesk.ports.identity.PasswordHasher;
import com.litedesk.ports.identity.RefreshToken;
import com.litedesk.ports.identity.RefreshTokenRepository;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.identity.TokenService;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.identity.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Logging in and staying logged in. Access tokens live 15 minutes; refresh tokens are single-use
 * and rotate within a family: presenting a rotated one again revokes the whole family (it was
 * stolen or replayed). Five failed logins lock an account for 15 minutes. The role of an access
 * token is not trusted: {@link #authenticate} reads the user as it is now.
 */
public final class Authentication {

    public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    static final Duration REFRESH_TTL = Duration.ofDays(14);
    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final UserRepository users;
    private final CredentialsRepository credentials;
    private final RefreshTokenRepository refreshTokens;
    private final OneTimeTokenRepository oneTimeTokens;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomTokens random = new RandomTokens();
    private final String dummyHash;

    public Authentication(UserRepository users, CredentialsRepository credentials, RefreshTokenRepository refreshTokens,
                          OneTimeTokenRepository oneTimeTokens, PasswordHasher hasher, TokenService tokens,
                          AuditLog audit, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.refreshTokens = refreshTokens;
        this.oneTimeTokens = oneTimeTokens;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = hasher.hash("not-a-real-password-" + random.next());
    }

    /**
     * The user an access token was signed for, or null when it is not a valid token here — its signature and life
     * checked, nothing read (what a rate limit needs to count a request against its user; not an authentication).
     */
    public String userOfToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            return null;
        }
        try {
            return tokens.verify(token).subject();
        } catch (LiteDeskException e) {
            return null;
        }
    }

    /** Whether the user has set a password. */
    public boolean hasPassword(String userId) {
        return credentials.findById(userId).map(c -> c.passwordHash() != null).orElse(false);
    }

    public TokenPair login(String email, String password, String requestId) {
        if (email == null || password == null || email.length() > 254 || password.length() > 200) {
            throw LiteDeskException.unauthenticated("wrong email or password");
        }
        User user = users.findByEmail(email.strip().toLowerCase(java.util.Locale.ROOT)).orElse(null);
        Credentials cred = user == null ? null : credentials.findById(user.id()).orElse(null);
        Instant now = now();
        if (user == null || cred == null || cred.passwordHash() == null || !user.active()) {
            hasher.matches(password, dummyHash); // same work either way: no user enumeration by timing
            throw LiteDeskException.unauthenticated("wrong email or password");
        }
        Actor actor = actorOf(user, requestId);
        if (cred.lockedUntil() != null && cred.lockedUntil().isAfter(now)) {
            audit.recordDenied(actor, "auth.login.locked", userRef(user));
            throw new LiteDeskException(ErrorCode.LOCKED, "too many failed logins; try again after " + cred.lockedUntil());
        }
        if (!hasher.matches(password, cred.passwordHash())) {
            int failures = cred.failedAttempts() + 1;
            Instant lockedUntil = failures >= MAX_FAILURES ? now.plus(LOCKOUT) : null;
            saveQuietly(new Credentials(cred.id(), cred.version() + 1, cred.passwordHash(),
                    lockedUntil == null ? failures : 0, lockedUntil, cred.passwordChangedAt()), cred.version());
            audit.recordDenied(actor, "auth.login", userRef(user));
            throw LiteDeskException.unauthenticated("wrong email or password");
        }
        if (cred.failedAttempts() > 0 || cred.lockedUntil() != null) {
            saveQuietly(new Credentials(cred.id(), cred.version() + 1, cred.passwordHash(), 0, null, cred.passwordChangedAt()), cred.version());
        }
        audit.recordSuccess(actor, "auth.login", userRef(user), Map.of(), Map.of());
        return issue(user, random.next(), now);
    }

    public TokenPair refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            throw LiteDeskException.unauthenticated("invalid refresh token");
        }
        RefreshToken stored = refreshTokens.findById(Sha256.hex(refreshToken))
                .orElseThrow(() -> LiteDeskException.unauthenticated("invalid refresh token"));
        Instant now = now();
        if (stored.revoked()) {
            throw LiteDeskException.unauthenticated("this session has ended; log in again");
        }
        if (stored.rotatedAt() != null || !refreshTokens.markRotated(stored.id(), now)) {
            refreshTokens.revokeFamily(stored.familyId());
            users.findById(stored.userId()).ifPresent(u ->
                    audit.recordDenied(actorOf(u, null), "auth.refresh.reuse", userRef(u)));
            throw LiteDeskException.unauthenticated("refresh token reused; every session of this login was ended");
        }
        if (stored.expiresAt().isBefore(now)) {
            throw LiteDeskException.unauthenticated("this session has expired; log in again");
        }
        User user = users.findById(stored.userId()).filter(User::active)
                .orElseThrow(() -> LiteDeskException.unauthenticated("this account is not active"));
        return issue(user, stored.familyId(), now);
    }

    public void logout(String refreshToken) {
        if (refreshToken == null || refreshToken.length() > 200) {
            return;
        }
        refreshTokens.findById(Sha256.hex(refreshToken)).ifPresent(t -> refreshTokens.revokeFamily(t.familyId()));
    }

    /** Verifies an access token and returns who it is now (UNAUTHENTICATED when not usable). */
    public Actor authenticate(String accessToken, String requestId) {
        AccessClaims claims = tokens.verify(accessToken);
        User user = recentUser(claims.subject()).filter(User::active)
                .orElseThrow(() -> LiteDeskException.unauthenticated("this account is not active"));
        return actorOf(user, requestId);
    }

    /** A user as read at most {@link #USER_FRESHNESS_MILLIS} ago: requests of one session do not read it each time. */
    private java.util.Optional<User> recentUser(String id) {
        long now = clock.millis();
        SeenUser seen = recentUsers.get(id);
        if (seen != null && now - seen.atMillis() < USER_FRESHNESS_MILLIS) {
            return java.util.Optional.of(seen.user());
        }
        java.util.Optional<User> user = users.findById(id);
        if (recentUsers.size() > 10_000) {
            recentUsers.clear();
        }
        user.ifPresentOrElse(u -> recentUsers.put(id, new SeenUser(u, now)), () -> recentUsers.remove(id));
        return user;
    }

    /** Forgets what {@link #authenticate} knows of a user who was just changed, so the change applies to the next request. */
    public void forget(String userId) {
        recentUsers.remove(userId);
    }

    /**
     * How stale a user's role and active flag may be for authenticating a request: a change made through this instance
     * applies at once ({@link #forget}); one made elsewhere (a restore) within a second.
     */
    private static final long USER_FRESHNESS_MILLIS = 1_000;

    private record SeenUser(User user, long atMillis) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, SeenUser> recentUsers = new java.util.concurrent.ConcurrentHashMap<>();

    public User me(Actor actor) {
        return users.findById(actor.userId()).orElseThrow(() -> LiteDeskException.unauthenticated("unknown user"));
    }

    public void changePassword(Actor actor, String current, String next) {
        Credentials cred = credentials.findById(actor.userId())
                .orElseThrow(() -> LiteDeskException.unauthenticated("unknown user"));
        if (current == null || cred.passwordHash() == null || !hasher.matches(current, cred.passwordHash())) {
            audit.recordDenied(actor, "auth.password.change", new RecordRef(RecordType.USER, actor.userId()));
            throw LiteDeskException.invalid("currentPassword", "is not your current password");
        }
        Passwords.check("newPassword", next);
        credentials.replace(new Credentials(cred.id(), cred.version() + 1, hasher.hash(next), 0, null, now()), cred.version());
        refreshTokens.revokeAllOf(actor.userId());
        audit.recordSuccess(actor, "auth.password.change", new RecordRef(RecordType.USER, actor.userId()), Map.of(), Map.of());
    }

    /** Sets a password with the one-time token from an invitation mail. */
    public void setPassword(String token, String password, String requestId) {
        Passwords.check("password", password);
        if (token == null || token.isBlank() || token.length() > 200) {
            throw LiteDeskException.invalid("token", "this link is not valid");
        }
        var used = oneTimeTokens.consume(Sha256.hex(token), now())
                .filter(t -> Invitations.SET_PASSWORD.equals(t.purpose()))
                .orElseThrow(() -> LiteDeskException.invalid("token", "this link is not valid or was used already"));
        if (used.expiresAt().isBefore(now())) {
            throw LiteDeskException.invalid("token", "this link has expired; ask for a new invitation");
        }
        User user = users.findById(used.userId()).orElseThrow(() -> LiteDeskException.invalid("token", "this link is not valid"));
        setInitialPassword(user, password);
        refreshTokens.revokeAllOf(user.id());
        audit.recordSuccess(actorOf(user, requestId), "auth.password.set", userRef(user), Map.of(), Map.of());
    }

    /** Stores a password for a user, creating the credentials if needed. */
    void setInitialPassword(User user, String password) {
        Passwords.check("password", password);
        String hash = hasher.hash(password);
        Credentials cred = credentials.findById(user.id()).orElse(null);
        if (cred == null) {
            credentials.insert(new Credentials(user.id(), 1, hash, 0, null, now()));
        } else {
            credentials.replace(new Credentials(cred.id(), cred.version() + 1, hash, 0, null, now()), cred.version());
        }
    }

    /** Ends every session of a user (deactivation, role change). */
    void endSessions(String userId) {
        refreshTokens.revokeAllOf(userId);
    }

    private TokenPair issue(User user, String familyId, Instant now) {
        String access = tokens.issue(new AccessClaims(user.id(), tokens.audience(), user.role().name(),
                random.next().substring(0, 16), now, now.plus(ACCESS_TTL)));
        String refresh = random.next();
        refreshTokens.insert(new RefreshToken(Sha256.hex(refresh), 1, familyId, user.id(), now, now.plus(REFRESH_TTL), null, false));
        return new TokenPair(access, refresh, ACCESS_TTL.toSeconds());
    }

    private void saveQuietly(Credentials updated, long expectedVersion) {
        try {
            credentials.replace(updated, expectedVersion);
        } catch (LiteDeskException raced) {
            // a concurrent attempt updated the counter; one lost increment is harmless
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static Actor actorOf(User user, String requestId) {
        return new Actor(user.id(), user.role(), user.teamId(), requestId);
    }

    private static RecordRef userRef(User user) {
        return new RecordRef(RecordType.USER, user.id());
    }

    static boolean isOwner(User user) {
        return user.role() == Role.OWNER;
    }
}
