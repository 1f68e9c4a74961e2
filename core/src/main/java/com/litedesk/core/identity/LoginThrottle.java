package com.litedesk.core.identity;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins, counted per account and per (account, client address), so that a stranger cannot lock the
 * account's owner out:
 * <ul>
 *   <li>an address the account has logged in from before (a <em>known</em> one) is never locked out: after
 *       {@link #ADDRESS_FAILURES} failures each further attempt has to wait, 30 seconds after the fifth failure and
 *       twice as long after each next one, up to 15 minutes (RATE_LIMITED, with the wait);</li>
 *   <li>any other address is locked out of that account for {@link #LOCKOUT} after {@link #ADDRESS_FAILURES}
 *       failures (LOCKED);</li>
 *   <li>after {@link #ACCOUNT_FAILURES} failures from all addresses together (a guess spread over many addresses),
 *       every address but the known ones is locked out of that account for {@link #LOCKOUT}.</li>
 * </ul>
 * An attempt that has to wait is refused before the password is looked at. Accounts are named by the email asked
 * for, whether or not such an account exists, so that an unknown email is counted and answered exactly like a
 * known one. Counts live in memory: a restart forgets them. Thread-safe.
 */
final class LoginThrottle {

    static final int ADDRESS_FAILURES = 5;
    static final int ACCOUNT_FAILURES = 20;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration LONGEST_DELAY = Duration.ofMinutes(15);
    /** A count whose last failure is older than this, and that holds nothing back, is forgotten. */
    private static final Duration FORGET_AFTER = Duration.ofHours(24);
    private static final int MAX_TRACKED = 50_000;

    private record Count(int failures, Instant last, Instant blockedUntil) {
        boolean blocks(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now);
        }
    }

    private final ConcurrentHashMap<String, Count> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Count> pairs = new ConcurrentHashMap<>();

    /** Refuses (LOCKED or RATE_LIMITED, with the seconds to wait) an attempt that has to wait; else does nothing. */
    void check(String account, String client, boolean known, Instant now) {
        Count pair = pairs.get(pairKey(account, client));
        if (pair != null && pair.blocks(now)) {
            throw refusal(known, pair.blockedUntil(), now);
        }
        Count all = accounts.get(account);
        if (!known && all != null && all.blocks(now)) {
            throw refusal(false, all.blockedUntil(), now);
        }
    }

    void failed(String account, String client, boolean known, Instant now) {
        pairs.compute(pairKey(account, client), (k, c) -> {
            int failures = (c == null || forgettable(c, now) ? 0 : c.failures()) + 1;
            if (failures < ADDRESS_FAILURES) {
                return new Count(failures, now, null);
            }
            if (known) {
                int doublings = Math.min(failures - ADDRESS_FAILURES, 10);
                Duration wait = FIRST_DELAY.multipliedBy(1L << doublings);
                return new Count(failures, now, now.plus(wait.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : wait));
            }
            return new Count(0, now, now.plus(LOCKOUT));
        });
        accounts.compute(account, (k, c) -> {
            int failures = (c == null || forgettable(c, now) ? 0 : c.failures()) + 1;
            return failures < ACCOUNT_FAILURES ? new Count(failures, now, c == null ? null : c.blockedUntil())
                    : new Count(0, now, now.plus(LOCKOUT));
        });
        bound(now);
    }

    /** A successful login clears the count of its address; the account's stays, a spread guess may go on. */
    void succeeded(String account, String client) {
        pairs.remove(pairKey(account, client));
    }

    private static LiteDeskException refusal(boolean known, Instant until, Instant now) {
        long seconds = Math.max(1, Duration.between(now, until).toMillis() / 1000 + 1);
        LiteDeskException e = known
                ? new LiteDeskException(ErrorCode.RATE_LIMITED, "too many failed logins; try again in " + seconds + " s")
                : new LiteDeskException(ErrorCode.LOCKED, "too many failed logins; try again after " + until);
        return e.withRetryAfter(seconds);
    }

    private static boolean forgettable(Count c, Instant now) {
        return !c.blocks(now) && c.last().plus(FORGET_AFTER).isBefore(now);
    }

    /**
     * Keeps memory bounded: past {@link #MAX_TRACKED} counts, those that hold nothing back and are older than the
     * lockout go first, then every count that holds nothing back. Counts that lock or slow an address are kept.
     */
    private void bound(Instant now) {
        for (ConcurrentHashMap<String, Count> map : java.util.List.of(pairs, accounts)) {
            if (map.size() > MAX_TRACKED) {
                map.values().removeIf(c -> !c.blocks(now) && c.last().plus(LOCKOUT).isBefore(now));
            }
            if (map.size() > MAX_TRACKED) {
                map.values().removeIf(c -> !c.blocks(now));
            }
        }
    }

    private static String pairKey(String account, String client) {
        return account + "\n" + client;
    }
}
