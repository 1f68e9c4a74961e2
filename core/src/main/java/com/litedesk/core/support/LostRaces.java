package com.litedesk.core.support;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The one way a read-then-write that lost a race is run again: when the write was refused because the record changed
 * since it was read (PRECONDITION_FAILED), read and write again — from the second loss on after a short random pause,
 * so that racers spread out — up to a number of attempts; any other failure, or the last loss, is thrown.
 */
public final class LostRaces {

    private LostRaces() {
    }

    /** Runs {@code readThenWrite} until it is not lost to another writer, at most {@code attempts} times. */
    public static <R> R retry(int attempts, Supplier<R> readThenWrite) {
        for (int attempt = 1; ; attempt++) {
            try {
                return readThenWrite.get();
            } catch (LiteDeskException e) {
                if (!lost(e) || attempt >= attempts) {
                    throw e;
                }
                if (attempt >= 2) {
                    pause(attempt, e);
                }
            }
        }
    }

    /** Whether the write was refused because the record changed since it was read. */
    public static boolean lost(LiteDeskException e) {
        return e.code() == ErrorCode.PRECONDITION_FAILED;
    }

    private static void pause(int attempt, LiteDeskException lost) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(Math.min(attempt, 8) * 2));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw lost;
        }
    }
}
