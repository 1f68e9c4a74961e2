package com.litedesk.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.core.MutableClock;
import com.litedesk.core.access.AccessPolicy;
import com.litedesk.core.access.Actor;
import com.litedesk.core.memory.InMemoryInstanceRepositories;
import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.audit.AuditRepository;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AuditRepository store = InMemoryInstanceRepositories.create().audit();
    private final Actor owner = new Actor("u1", Role.OWNER, null, "req-1");

    private void fill(AuditLog log, int n) {
        for (int i = 0; i < n; i++) {
            log.recordSuccess(owner, "contact.update", new RecordRef(RecordType.CONTACT, "c" + i), Map.of("lastName", "A"), Map.of("lastName", "B" + i));
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditLog log = new AuditLog(store, new AccessPolicy(), clock);
        fill(log, 1200);
        AuditVerification result = log.verify(owner);
        assertThat(result.valid()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(1200);
    }

    @Test
    void concurrentWritersProduceOneGaplessChain() throws Exception {
        AuditLog first = new AuditLog(store, new AccessPolicy(), clock);
        AuditLog second = new AuditLog(store, new AccessPolicy(), clock); // another process on the same database
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var all = IntStream.range(0, 200).mapToObj(i -> pool.submit(() -> (i % 2 == 0 ? first : second).recordSuccess(
                    new Actor("u1", Role.OWNER, null, "req-" + i), "contact.update", new RecordRef(RecordType.CONTACT, "c" + i), Map.of(),
                    Map.of()))).toList();
            for (var f : all) {
                f.get();
            }
        }
        assertThat(first.verify(owner).valid()).isTrue();
        assertThat(store.last().orElseThrow().seq()).isEqualTo(200);
    }

    @Test
    void concurrentAppendsShareWritesAndEachReturnsItsStoredEntry() throws Exception {
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        AuditRepository slow = (AuditRepository) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insertAll")) {
                        writes.incrementAndGet();
                        Thread.sleep(20); // a commit that waits for the disk
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        AuditLog log = new AuditLog(slow, new AccessPolicy(), clock);
        java.util.List<java.util.concurrent.Future<com.litedesk.ports.audit.AuditEntry>> appended = new java.util.ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                appended.add(pool.submit(() -> log.recordSuccess(owner, "contact.update", new RecordRef(RecordType.CONTACT, "c" + n),
                        Map.of(), Map.of())));
            }
        }
        for (var entry : appended) {
            assertThat(store.findById(entry.get().id())).contains(entry.get());
        }
        assertThat(writes.get()).as("writes for 100 concurrent appends").isLessThan(30);
        assertThat(log.verify(owner).valid()).isTrue();
        assertThat(store.last().orElseThrow().seq()).isEqualTo(100);
    }

    @Test
    void anEditedEntryIsDetected() {
        fill(new AuditLog(store, new AccessPolicy(), clock), 10);
        AuditLog tampered = new AuditLog(reading(store, e -> e.seq() == 5
                ? new AuditEntry(e.id(), e.version(), e.seq(), e.at(), e.actorId(), e.action(), e.record(), e.outcome(),
                e.before(), Map.of("lastName", "forged"), e.requestId(), e.prevHash(), e.hash())
                : e), new AccessPolicy(), clock);
        AuditVerification result = tampered.verify(owner);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(5);
    }

    @Test
    void aRemovedEntryIsDetected() {
        fill(new AuditLog(store, new AccessPolicy(), clock), 10);
        AuditLog tampered = new AuditLog(reading(store, e -> e.seq() == 7 ? null : e), new AccessPolicy(), clock);
        AuditVerification result = tampered.verify(owner);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(7);
    }

    /** The store as someone with database access who edited it would present it. */
    private static AuditRepository reading(AuditRepository real, UnaryOperator<AuditEntry> edit) {
        return (AuditRepository) Proxy.newProxyInstance(AuditRepository.class.getClassLoader(), new Class<?>[] {AuditRepository.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    if (method.getName().equals("list")) {
                        Page<?> page = (Page<?>) result;
                        List<AuditEntry> items = page.items().stream().map(e -> edit.apply((AuditEntry) e))
                                .filter(java.util.Objects::nonNull).toList();
                        return new Page<>(items, page.hasMore());
                    }
                    return result;
                });
    }

}
