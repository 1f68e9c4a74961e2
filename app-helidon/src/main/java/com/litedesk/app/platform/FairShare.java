package com.litedesk.app.platform;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fair sharing of the box between the in-process instances behind the front door: at most {@code slots} requests
 * run at once (one per core), and while several instances have requests, each may run at most its share of the
 * slots; a freed slot goes to the waiting instance that runs the fewest, oldest request first. One instance alone
 * may use every slot; a busy instance (many clients, an import) cannot take the cores another instance's next
 * request needs. An instance counts as busy from its first request until a second after its last, so that one
 * client's next request finds its share free. Waiting is on virtual threads, so a queue costs no carrier.
 */
final class FairShare {

    private static final long ACTIVE_NANOS = 1_000_000_000L;

    private final int slots;
    private final java.util.function.LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Tenant> tenants = new HashMap<>();
    private int running;

    private static final class Tenant {
        int running;
        long lastSeen;
        final ArrayDeque<Condition> waiting = new ArrayDeque<>();
    }

    FairShare(int slots) {
        this(slots, System::nanoTime);
    }

    FairShare(int slots, java.util.function.LongSupplier clock) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1");
        }
        this.slots = slots;
        this.clock = clock;
    }

    static FairShare perCore() {
        return new FairShare(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code work} for the instance {@code key} when a slot is free for it; within it,
     * {@link com.litedesk.app.http.Turns#yieldTurn()} lets the requests waiting meanwhile go first.
     */
    void run(String key, Runnable work) {
        acquire(key);
        try {
            ScopedValue.where(com.litedesk.app.http.Turns.YIELD, () -> {
                if (hasWaiters()) {
                    release(key);
                    acquire(key);
                }
            }).run(work);
        } finally {
            release(key);
        }
    }

    private boolean hasWaiters() {
        lock.lock();
        try {
            for (Tenant t : tenants.values()) {
                if (!t.waiting.isEmpty()) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void acquire(String key) {
        lock.lock();
        try {
            Tenant tenant = tenants.computeIfAbsent(key, k -> new Tenant());
            tenant.lastSeen = clock.getAsLong();
            if (forgetIdle()) {
                grant();
            }
            if (tenant.waiting.isEmpty() && running < slots && tenant.running < share()) {
                tenant.running++;
                running++;
                return;
            }
            Condition turn = lock.newCondition();
            tenant.waiting.addLast(turn);
            boolean interrupted = false;
            while (tenant.waiting.contains(turn)) {
                try {
                    turn.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    private void release(String key) {
        lock.lock();
        try {
            Tenant tenant = tenants.get(key);
            tenant.running--;
            running--;
            tenant.lastSeen = clock.getAsLong();
            forgetIdle();
            grant();
        } finally {
            lock.unlock();
        }
    }

    /** Hands free slots to waiting instances, fewest running first, within their share. */
    private void grant() {
        while (running < slots) {
            int share = share();
            Tenant next = null;
            for (Tenant t : tenants.values()) {
                if (!t.waiting.isEmpty() && t.running < share && (next == null || t.running < next.running)) {
                    next = t;
                }
            }
            if (next == null) {
                return;
            }
            next.running++;
            running++;
            next.waiting.pollFirst().signal();
        }
    }

    /** Instances with nothing running or waiting and no request for a second no longer count. */
    private boolean forgetIdle() {
        long now = clock.getAsLong();
        return tenants.values().removeIf(t -> t.running == 0 && t.waiting.isEmpty() && now - t.lastSeen > ACTIVE_NANOS);
    }

    /** The slots one instance may hold: all of them alone, an even part (at least one) while others are busy too. */
    private int share() {
        return Math.max(1, slots / Math.max(1, tenants.size()));
    }
}
