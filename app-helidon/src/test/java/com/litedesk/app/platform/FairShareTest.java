package com.litedesk.app.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FairShareTest {

    private final java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
    private final FairShare share = new FairShare(2, now::get);
    private final ConcurrentLinkedQueue<String> started = new ConcurrentLinkedQueue<>();

    /** Starts a request of {@code tenant} that runs until {@code done} opens; returns once it is queued or running. */
    private Thread request(String tenant, String name, CountDownLatch done) throws InterruptedException {
        Thread t = Thread.ofVirtual().start(() -> share.run(tenant, () -> {
            started.add(name);
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Thread.sleep(50);
        return t;
    }

    @Test
    void oneInstanceAloneUsesEverySlotAndNoMore() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        request("a", "a1", done);
        request("a", "a2", done);
        Thread third = request("a", "a3", done);
        assertThat(started).containsExactly("a1", "a2");
        done.countDown();
        third.join(5000);
        assertThat(started).containsExactly("a1", "a2", "a3");
    }

    @Test
    void aFreedSlotGoesToTheInstanceThatRunsFewestNotToTheBusyOnesQueue() throws Exception {
        CountDownLatch a1 = new CountDownLatch(1);
        CountDownLatch a2 = new CountDownLatch(1);
        CountDownLatch rest = new CountDownLatch(1);
        request("a", "a1", a1);
        request("a", "a2", a2);
        request("a", "a3", rest);
        request("a", "a4", rest);
        Thread b = request("b", "b1", rest);
        assertThat(started).containsExactly("a1", "a2");
        a1.countDown();
        Thread.sleep(100);
        assertThat(started).containsExactly("a1", "a2", "b1"); // b first, though a3 and a4 waited longer
        a2.countDown();
        Thread.sleep(100);
        // a now holds one slot and b one: a's share while b is busy too
        assertThat(started).containsExactly("a1", "a2", "b1", "a3");
        rest.countDown();
        b.join(5000);
        Thread.sleep(100);
        assertThat(started).containsExactlyInAnyOrderElementsOf(List.of("a1", "a2", "b1", "a3", "a4"));
    }

    @Test
    void anInstanceSeenWithinTheLastSecondKeepsItsShareForItsNextRequest() throws Exception {
        share.run("b", () -> started.add("b1"));
        CountDownLatch done = new CountDownLatch(1);
        request("a", "a1", done);
        request("a", "a2", done);
        assertThat(started).containsExactly("b1", "a1"); // b's share is kept for it
        request("b", "b2", done);
        assertThat(started).containsExactly("b1", "a1", "b2");
        done.countDown();
        Thread.sleep(100);
        assertThat(started).containsExactly("b1", "a1", "b2", "a2");

        now.addAndGet(2_000_000_000L); // b has been quiet for two seconds: a alone again
        CountDownLatch later = new CountDownLatch(1);
        request("a", "a3", later);
        request("a", "a4", later);
        assertThat(started).endsWith("a3", "a4");
        later.countDown();
    }

    @Test
    void aLongRequestThatYieldsLetsTheRequestsQueuedMeanwhileGoFirst() throws Exception {
        FairShare one = new FairShare(1);
        CountDownLatch queued = new CountDownLatch(1);
        CountDownLatch quickDone = new CountDownLatch(1);
        Thread importer = Thread.ofVirtual().start(() -> one.run("a", () -> {
            started.add("import");
            awaitQuietly(queued);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            com.litedesk.app.http.Turns.yieldTurn(); // between batches
            started.add("import resumed");
        }));
        Thread.sleep(50);
        Thread quick = Thread.ofVirtual().start(() -> one.run("a", () -> { started.add("list"); quickDone.countDown(); }));
        queued.countDown();
        importer.join(5000);
        quick.join(5000);
        assertThat(started).containsExactly("import", "list", "import resumed");
        com.litedesk.app.http.Turns.yieldTurn(); // outside any share: nothing happens
    }

    @Test
    void aFailingRequestGivesItsSlotBack() throws Exception {
        for (int i = 0; i < 5; i++) {
            try {
                share.run("a", () -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // the slot must be free again
            }
        }
        CountDownLatch ran = new CountDownLatch(2);
        CountDownLatch hold = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> share.run("a", () -> { ran.countDown(); awaitQuietly(hold); }));
        Thread.ofVirtual().start(() -> share.run("a", () -> { ran.countDown(); awaitQuietly(hold); }));
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        hold.countDown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
