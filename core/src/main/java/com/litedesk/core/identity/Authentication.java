package com.litedesk.core.identity;

import com.litedesk.core.access.Actor;
import com.litedesk.core.audit.AuditLog;
import com.litedesk.core.support.RandomTokens;
import com.litedesk.core.support.Sha256;
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
import java.util.List;
import java.util.Map;

/**
 * Logging in and staying logged in. Access tokens live 15 minutes; refresh tokens are single-use
 * and rotate within a family — the login session: presenting a rotated one again revokes the whole
 * family (it was stolen or replayed). An access token names its session, and stops working as soon as
 * the session ends: logout, reuse of a refresh token, a password change (the user's other sessions),
 * deactivation, a role change. Failed logins slow down or lock out the address they come from, never
 * the account itself ({@link LoginThrottle}). The role of an access token is not trusted:
 * {@link #authenticate} reads the user as it is now.
 */
public final class Authentication {

    public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    public static final Duration REFRESH_TTL = Duration.ofDays(14);
    /** How far in the future a token's issue time may be (clocks of other processes drift). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** How many of the addresses a user logged in from are remembered as known. */
    static final int KNOWN_CLIENTS = 10;

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
    private final LoginThrottle throttle = new LoginThrottle();
    private final LiveSessions sessions;

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
        this.sessions = new LiveSessions(refreshTokens, clock);
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

    /** As {@link #login(String, String, String, String)} for a caller that does not know the client's address. */
    public TokenPair login(String email, String password, String requestId) {
        return login(email, password, "", requestId);
    }

    /**
     * Logs in from the client at {@code client} (its address). Wrong email and wrong password answer alike, with the
     * same work done; too many failures answer LOCKED or RATE_LIMITED as {@link LoginThrottle} says.
     */
    public TokenPair login(String email, String password, String client, String requestId) {
        if (email == null || password == null || email.length() > 254 || password.length() > 200) {
            throw LiteDeskException.unauthenticated("wrong email or password");
        }
        String account = email.strip().toLowerCase(java.util.Locale.ROOT);
        String clientKey = Sha256.hex(client == null ? "" : client);
        User user = users.findByEmail(account).orElse(null);
        Credentials cred = user == null ? null : credentials.findById(user.id()).orElse(null);
        boolean usable = user != null && cred != null && cred.passwordHash() != null && user.active();
        boolean known = usable && cred.knownClients().contains(clientKey);
        Instant now = now();
        try {
            throttle.check(account, clientKey, known, now);
        } catch (LiteDeskException refused) {
            if (usable) {
                audit.recordDenied(actorOf(user, requestId), "auth.login.locked", userRef(user));
            }
            throw refused;
        }
        if (!usable) {
            hasher.matches(password, dummyHash); // same work either way: no user enumeration by timing
            throttle.failed(account, clientKey, false, now);
            throw LiteDeskException.unauthenticated("wrong email or password");
        }
        if (!hasher.matches(password, cred.passwordHash())) {
            throttle.failed(account, clientKey, known, now);
            audit.recordDenied(actorOf(user, requestId), "auth.login", userRef(user));
            throw LiteDeskException.unauthenticated("wrong email or password");
        }
        throttle.succeeded(account, clientKey);
        if (!known || cred.failedAttempts() != 0 || cred.lockedUntil() != null) {
            java.util.List<String> clients = new java.util.ArrayList<>(KNOWN_CLIENTS);
            clients.add(clientKey);
            cred.knownClients().stream().filter(c -> !c.equals(clientKey)).limit(KNOWN_CLIENTS - 1).forEach(clients::add);
            saveQuietly(new Credentials(cred.id(), cred.version() + 1, cred.passwordHash(), 0, null, cred.passwordChangedAt(), clients),
                    cred.version());
        }
        audit.recordSuccess(actorOf(user, requestId), "auth.login", userRef(user), Map.of(), Map.of());
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
            sessions.end(stored.familyId());
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
        refreshTokens.findById(Sha256.hex(refreshToken)).ifPresent(t -> sessions.end(t.familyId()));
    }

    /**
     * Verifies an access token and returns who it is now (UNAUTHENTICATED when not usable): signed here and
     * unexpired, issued no later than now (give or take {@link #CLOCK_SKEW}) for no longer than {@link #ACCESS_TTL},
     * of a session that goes on, for a user who is active.
     */
    public Actor authenticate(String accessToken, String requestId) {
        AccessClaims claims = tokens.verify(accessToken);
        Instant now = clock.instant();
        if (claims.issuedAt().isAfter(now.plus(CLOCK_SKEW)) || !claims.expiresAt().isAfter(now)
                || Duration.between(claims.issuedAt(), claims.expiresAt()).compareTo(ACCESS_TTL) > 0) {
            throw LiteDeskException.unauthenticated("the access token is not valid here; log in again");
        }
        if (!sessions.live(claims.sessionId(), claims.subject())) {
            throw LiteDeskException.unauthenticated("this session has ended; log in again");
        }
        User user = recentUser(claims.subject()).filter(User::active)
                .orElseThrow(() -> LiteDeskException.unauthenticated("this account is not active"));
        return new Actor(user.id(), user.role(), user.teamId(), requestId, claims.sessionId());
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

    /** Changes the caller's password and ends the caller's other sessions (the one asking goes on). */
    public void changePassword(Actor actor, String current, String next) {
        Credentials cred = credentials.findById(actor.userId())
                .orElseThrow(() -> LiteDeskException.unauthenticated("unknown user"));
        if (current == null || cred.passwordHash() == null || !hasher.matches(current, cred.passwordHash())) {
            audit.recordDenied(actor, "auth.password.change", new RecordRef(RecordType.USER, actor.userId()));
            throw LiteDeskException.invalid("currentPassword", "is not your current password");
        }
        User user = me(actor);
        Passwords.check("newPassword", next, user.email(), user.name());
        credentials.replace(new Credentials(cred.id(), cred.version() + 1, hasher.hash(next), 0, null, now(), cred.knownClients()),
                cred.version());
        sessions.endAllOfBut(actor.userId(), actor.sessionId());
        audit.recordSuccess(actor, "auth.password.change", new RecordRef(RecordType.USER, actor.userId()), Map.of(), Map.of());
    }

    /** Sets a password with the one-time token from an invitation mail. */
    public void setPassword(String token, String password, String requestId) {
        Passwords.check("password", password);
        if (token == null || token.isBlank() || token.length() > 200) {
            throw LiteDeskException.invalid("token", "this link is not valid");
        }
        // the password is checked against its user before the link is used up, so that a refused one can be retried
        var link = oneTimeTokens.findById(Sha256.hex(token))
                .filter(t -> Invitations.SET_PASSWORD.equals(t.purpose()) && t.usedAt() == null)
                .orElseThrow(() -> LiteDeskException.invalid("token", "this link is not valid or was used already"));
        if (link.expiresAt().isBefore(now())) {
            throw LiteDeskException.invalid("token", "this link has expired; ask for a new invitation");
        }
        User user = users.findById(link.userId()).filter(User::active)
                .orElseThrow(() -> LiteDeskException.invalid("token", "this link is not valid"));
        Passwords.check("password", password, user.email(), user.name());
        oneTimeTokens.consume(link.id(), now())
                .orElseThrow(() -> LiteDeskException.invalid("token", "this link is not valid or was used already"));
        setInitialPassword(user, password);
        sessions.endAllOf(user.id());
        audit.recordSuccess(actorOf(user, requestId), "auth.password.set", userRef(user), Map.of(), Map.of());
    }

    /** Stores a password for a user, creating the credentials if needed. */
    void setInitialPassword(User user, String password) {
        Passwords.check("password", password, user.email(), user.name());
        String hash = hasher.hash(password);
        Credentials cred = credentials.findById(user.id()).orElse(null);
        if (cred == null) {
            credentials.insert(new Credentials(user.id(), 1, hash, 0, null, now(), List.of()));
        } else {
            credentials.replace(new Credentials(cred.id(), cred.version() + 1, hash, 0, null, now(), cred.knownClients()), cred.version());
        }
    }

    /** Ends every session of a user (deactivation, role change): their access tokens stop working at once. */
    void endSessions(String userId) {
        sessions.endAllOf(userId);
    }

    /** Ends every session of a user but one (the one of the caller who changed their own role). */
    void endSessions(String userId, String kept) {
        sessions.endAllOfBut(userId, kept);
    }

    private TokenPair issue(User user, String familyId, Instant now) {
        String access = tokens.issue(new AccessClaims(user.id(), tokens.audience(), user.role().name(),
                random.next().substring(0, 16), now, now.plus(ACCESS_TTL), familyId));
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
