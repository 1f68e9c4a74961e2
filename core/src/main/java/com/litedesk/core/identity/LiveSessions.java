package com.litedesk.core.identity;

import com.litedesk.ports.identity.RefreshToken;
import com.litedesk.ports.identity.RefreshTokenRepository;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Login sessions — refresh-token families — as access tokens need them: a session goes on while a token of its
 * family is not revoked. Every request asks, so answers are remembered: for at most a second, and until this
 * process ends any session (then every remembered answer is asked again), so that a logout, a password change, a
 * deactivation or a role change stops the session's access tokens at the next request; an end made by another
 * process sharing the store (a restore) applies within a second. Thread-safe.
 */
final class LiveSessions {

    private static final long FRESHNESS_MILLIS = 1_000;
    private static final int REMEMBERED = 10_000;

    private record Seen(boolean live, long atMillis, long generation) {
    }

    private final RefreshTokenRepository tokens;
    private final Clock clock;
    /** Advanced after every end, so that an answer read before it is not believed after it. */
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

    LiveSessions(RefreshTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Whether the session {@code sessionId} of the user still goes on. */
    boolean live(String sessionId, String userId) {
        long current = generation.get();
        long now = clock.millis();
        Seen known = seen.get(sessionId);
        if (known != null && known.generation() == current && now - known.atMillis() < FRESHNESS_MILLIS) {
            return known.live();
        }
        boolean live = tokens.count(List.of(Condition.eq("familyId", sessionId), Condition.eq("userId", userId),
                Condition.eq("revoked", false))) > 0;
        if (seen.size() >= REMEMBERED) {
            seen.clear(); // a crude bound: forgetting only costs a lookup
        }
        seen.put(sessionId, new Seen(live, now, current));
        return live;
    }

    /** Ends one session (logout, a reused refresh token). */
    void end(String sessionId) {
        tokens.revokeFamily(sessionId);
        generation.incrementAndGet();
    }

    /** Ends every session of a user (deactivation, role change, a password set with a mailed link). */
    void endAllOf(String userId) {
        tokens.revokeAllOf(userId);
        generation.incrementAndGet();
    }

    /** Ends every session of a user but {@code kept} (a password change ends the user's other sessions). */
    void endAllOfBut(String userId, String kept) {
        if (kept == null) {
            endAllOf(userId);
            return;
        }
        Set<String> families = new LinkedHashSet<>();
        Query query = Query.where(List.of(Condition.eq("userId", userId), Condition.eq("revoked", false)), 500);
        Page<RefreshToken> page = tokens.list(query);
        while (true) {
            page.items().forEach(t -> families.add(t.familyId()));
            if (!page.hasMore() || page.items().isEmpty()) {
                break;
            }
            page = tokens.list(query.withAfter(List.of(page.items().getLast().id())));
        }
        families.remove(kept);
        families.forEach(tokens::revokeFamily);
        generation.incrementAndGet();
    }
}
