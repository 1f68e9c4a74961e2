package com.litedesk.app.http;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/** Request count and latency percentiles of this process (the last 2,048 requests). */
public final class RequestStats {

    private static final int WINDOW = 2048;
    private final AtomicLong count = new AtomicLong();
    private final long[] recent = new long[WINDOW];

    public void record(long nanos) {
        long n = count.getAndIncrement();
        synchronized (recent) {
            recent[(int) (n % WINDOW)] = nanos;
        }
    }

    public long count() {
        return count.get();
    }

    /** The p-th percentile latency in milliseconds over the recent window (0 when empty). */
    public double percentileMillis(int p) {
        long[] copy;
        int size = (int) Math.min(count.get(), WINDOW);
        if (size == 0) {
            return 0;
        }
        synchronized (recent) {
            copy = Arrays.copyOf(recent, size);
        }
        Arrays.sort(copy);
        return copy[Math.max(0, (int) Math.ceil(p / 100.0 * size) - 1)] / 1e6;
    }
}
