package com.litedesk.core.audit;

import com.litedesk.core.access.AccessPolicy;
import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.listing.ListQueries;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.listing.ListResult;
import com.litedesk.core.support.Sha256;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.audit.AuditOutcome;
import com.litedesk.ports.audit.AuditRepository;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only, hash-chained audit log of one instance. Entries are numbered and chained in this process under a
 * lock, and across processes by the store's unique sequence number: a writer that loses the race re-reads the head
 * and numbers its entries again. They are stored in batches: whoever appends while no write is under way writes
 * every entry waiting, in one call, while the next ones queue behind it — so concurrent appends share a commit
 * instead of waiting for one each. An append returns once its entry is stored.
 */
public final class AuditLog {

    private static final String GENESIS = "0".repeat(64);
    public static final FieldSet FIELDS = FieldSet.builder()
            .text("actorId").text("action").text("record.id")
            .enumeration("record.type", RecordType.class)
            .enumeration("outcome", AuditOutcome.class)
            .text("requestId").instant("at")
            .searchable("action")
            .build();

    private final AuditRepository repository;
    private final AccessPolicy policy;
    private final Clock clock;
    private final ListQueries queries = new ListQueries(FIELDS);
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.locks.Condition written = lock.newCondition();
    /** Entries numbered and chained but not yet stored, in order; {@link #head} is the last of them. */
    private final java.util.ArrayDeque<Pending> waiting = new java.util.ArrayDeque<>();
    private boolean writing;
    private AuditEntry head;
    private boolean headLoaded;

    /** One append on its way to the store. */
    private static final class Pending {
        AuditEntry entry;
        final AuditEntry unsigned;
        boolean stored;
        RuntimeException failure;
        int attempts;

        Pending(AuditEntry unsigned) {
            this.unsigned = unsigned;
        }
    }

    private static final int MAX_BATCH = 500;
    private static final int MAX_ATTEMPTS = 1_000;

    public AuditLog(AuditRepository repository, AccessPolicy policy, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.clock = clock;
    }

    /** Appends one entry and returns it, once it is stored. */
    public AuditEntry append(Actor actor, String action, RecordRef record, AuditOutcome outcome,
                             Map<String, String> before, Map<String, String> after) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Pending mine = new Pending(new AuditEntry(null, 0, 0, at, actor.userId(), action, record, outcome, before, after,
                actor.requestId(), null, null));
        lock.lock();
        try {
            chain(mine);
            waiting.add(mine);
            while (!mine.stored && mine.failure == null) {
                if (writing) {
                    written.awaitUninterruptibly();
                } else {
                    writeWaiting();
                }
            }
            if (mine.failure != null) {
                throw mine.failure;
            }
            return mine.entry;
        } finally {
            lock.unlock();
        }
    }

    /** Numbers and chains an entry after the head (the lock is held). */
    private void chain(Pending pending) {
        if (!headLoaded) {
            head = repository.last().orElse(null);
            headLoaded = true;
        }
        long seq = head == null ? 1 : head.seq() + 1;
        AuditEntry u = pending.unsigned;
        AuditEntry unsigned = new AuditEntry(AuditEntry.idOf(seq), 0, seq, u.at(), u.actorId(), u.action(), u.record(), u.outcome(),
                u.before(), u.after(), u.requestId(), head == null ? GENESIS : head.hash(), null);
        pending.entry = withHash(unsigned, hashOf(unsigned));
        head = pending.entry;
    }

    /** Stores every waiting entry in one call, with the lock released meanwhile (the lock is held on entry and exit). */
    private void writeWaiting() {
        java.util.List<Pending> batch = new java.util.ArrayList<>();
        while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(waiting.poll());
        }
        writing = true;
        RuntimeException failure = null;
        lock.unlock();
        try {
            repository.insertAll(batch.stream().map(p -> p.entry).toList());
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            lock.lock();
            writing = false;
        }
        if (failure == null) {
            batch.forEach(p -> p.stored = true);
        } else if (recover(batch, failure)) {
            backOff(); // another writer took these numbers: let it get ahead before numbering again
        }
        written.signalAll();
    }

    /** A millisecond or three, with the lock released but the write still counted as under way. */
    private void backOff() {
        writing = true;
        lock.unlock();
        try {
            Thread.sleep(1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.lock();
            writing = false;
        }
    }

    /**
     * After a failed write: the entries that were stored anyway are done; the rest of the batch and everything queued
     * behind it are chained again from the stored head — and tried again when another writer took their numbers, or
     * failed with the store's error otherwise.
     */
    private boolean recover(java.util.List<Pending> batch, RuntimeException failure) {
        boolean raced = failure instanceof LiteDeskException e && e.code() == ErrorCode.CONFLICT;
        java.util.List<Pending> again = new java.util.ArrayList<>();
        boolean prefix = true; // a failed write stores at most the entries before the one that failed
        for (Pending p : batch) {
            prefix = prefix && repository.findById(p.entry.id()).map(e -> e.hash().equals(p.entry.hash())).orElse(false);
            if (prefix) {
                p.stored = true;
            } else if (raced && ++p.attempts < MAX_ATTEMPTS) {
                again.add(p);
            } else {
                p.failure = failure;
            }
        }
        again.addAll(waiting);
        waiting.clear();
        headLoaded = false;
        for (Pending p : again) {
            chain(p);
            waiting.add(p);
        }
        return raced;
    }

    public AuditEntry recordSuccess(Actor actor, String action, RecordRef record,
                                    Map<String, String> before, Map<String, String> after) {
        return append(actor, action, record, AuditOutcome.SUCCESS, before, after);
    }

    public void recordDenied(Actor actor, String action, RecordRef record) {
        recordDenied(actor, action, record, Map.of());
    }

    /** A refused action with what was asked ({@code asked}: the fields of the attempted change, e.g. the role). */
    public void recordDenied(Actor actor, String action, RecordRef record, Map<String, String> asked) {
        append(actor, action, record, AuditOutcome.DENIED, Map.of(), asked);
    }

    /** Newest entries first by default. Owners, Admins, Managers and Users may read the log. */
    public ListResult<AuditEntry> list(Actor actor, ListRequest request) {
        requireRead(actor, "audit.read");
        ListRequest newestFirst = request.sort() == null || request.sort().isBlank()
                ? new ListRequest(request.filter(), "-id", request.q(), request.cursor(), request.limit())
                : request;
        Query query = queries.toQuery(newestFirst, List.of());
        return queries.page(repository, query, request);
    }

    /** The entries that concern one record, newest first (for timelines). */
    public List<AuditEntry> of(RecordRef record, int limit) {
        Query query = new Query(List.of(Condition.eq("record.type", record.type()), Condition.eq("record.id", record.id())),
                List.of(SortKey.desc("id")), null, limit);
        return repository.list(query).items();
    }

    /** Re-computes the whole chain from the first entry. */
    public AuditVerification verify(Actor actor) {
        requireRead(actor, "audit.verify");
        Query query = new Query(List.of(), List.of(), null, 500);
        long checked = 0;
        String prev = GENESIS;
        long expectedSeq = 1;
        while (true) {
            var page = repository.list(query);
            for (AuditEntry entry : page.items()) {
                if (entry.seq() != expectedSeq) {
                    return new AuditVerification(false, checked, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!entry.prevHash().equals(prev)) {
                    return new AuditVerification(false, checked, entry.seq(), "entry does not follow its predecessor");
                }
                if (!hashOf(entry).equals(entry.hash())) {
                    return new AuditVerification(false, checked, entry.seq(), "entry content does not match its hash");
                }
                prev = entry.hash();
                expectedSeq++;
                checked++;
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                return new AuditVerification(true, checked, null, null);
            }
            query = query.withAfter(List.of(page.items().getLast().id()));
        }
    }

    private void requireRead(Actor actor, String action) {
        if (!policy.allows(actor, Resource.AUDIT, Action.READ)) {
            recordDenied(actor, action, null);
            throw LiteDeskException.forbidden("your role may not read the audit log");
        }
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.id(), e.version(), e.seq(), e.at(), e.actorId(), e.action(), e.record(), e.outcome(),
                e.before(), e.after(), e.requestId(), e.prevHash(), hash);
    }

    /** Length-prefixed fields, so that no two different entries serialise alike. */
    static String hashOf(AuditEntry e) {
        StringBuilder s = new StringBuilder();
        field(s, Long.toString(e.seq()));
        field(s, e.at().toString());
        field(s, e.actorId());
        field(s, e.action());
        field(s, e.record() == null ? null : e.record().type().name());
        field(s, e.record() == null ? null : e.record().id());
        field(s, e.outcome().name());
        map(s, e.before());
        map(s, e.after());
        field(s, e.requestId());
        field(s, e.prevHash());
        return Sha256.hex(s.toString());
    }

    private static void map(StringBuilder s, Map<String, String> map) {
        field(s, Integer.toString(map.size()));
        new TreeMap<>(map).forEach((k, v) -> {
            field(s, k);
            field(s, v);
        });
    }

    private static void field(StringBuilder s, String value) {
        if (value == null) {
            s.append("-1:");
        } else {
            s.append(value.length()).append(':').append(value);
        }
    }
}
