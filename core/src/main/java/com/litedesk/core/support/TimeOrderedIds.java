package com.litedesk.core.support;

import com.litedesk.ports.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * 26-character ids in Crockford base32, lower-case: 48 bits of milliseconds then 80 random bits,
 * strictly increasing within one generator (ULID-style monotonic). Because ids grow with time,
 * "newest first" and keyset pagination can use the id, which every store indexes.
 */
public final class TimeOrderedIds implements IdGenerator {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long randomHigh; // 16 bits
    private long randomLow;  // 64 bits

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized String newId() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            randomHigh = random.nextInt(1 << 15); // leave headroom for increments
            randomLow = random.nextLong();
        } else if (++randomLow == 0) {
            randomHigh++;
        }
        char[] out = new char[26];
        long time = lastMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits = randomHigh (16) + randomLow (64), as 16 base32 digits
        long low = randomLow;
        long high = randomHigh;
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low = (low >>> 5) | ((high & 31) << 59);
            high >>>= 5;
        }
        return new String(out);
    }
}
