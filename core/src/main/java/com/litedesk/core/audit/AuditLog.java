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
 * The append-only, hash-chained audit log of one instance. Appends are serialised in this process
 * by a lock and across processes by the store's unique sequence number: a writer that loses the
 * race re-reads the head and tries the next number.
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
    private final Object lock = new Object();
    private AuditEntry head;
    private boolean headLoaded;

    public AuditLog(AuditRepository repository, AccessPolicy policy, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.clock = clock;
    }

    /** Appends one entry and returns it. */
    public AuditEntry append(Actor actor, String action, RecordRef record, AuditOutcome outcome,
                             Map<String, String> before, Map<String, String> after) {
        synchronized (lock) {
            for (int attempt = 0; ; attempt++) {
                if (!headLoaded) {
                    head = repository.last().orElse(null);
                    headLoaded = true;
                }
                long seq = head == null ? 1 : head.seq() + 1;
                String prev = head == null ? GENESIS : head.hash();
                Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                AuditEntry unsigned = new AuditEntry(AuditEntry.idOf(seq), 0, seq, at, actor.userId(), action,
                        record, outcome, before, after, actor.requestId(), prev, null);
                AuditEntry entry = withHash(unsigned, hashOf(unsigned));
                try {
                    repository.insert(entry);
                    head = entry;
                    return entry;
                } catch (LiteDeskException e) {
                    if (e.code() != ErrorCode.CONFLICT || attempt >= 20) {
                        throw e;
                    }
                    headLoaded = false; // someone else appended: re-read the head
                }
            }
        }
    }

    public AuditEntry recordSuccess(Actor actor, String action, RecordRef record,
                                    Map<String, String> before, Map<String, String> after) {
        return append(actor, action, record, AuditOutcome.SUCCESS, before, after);
    }

    public void recordDenied(Actor actor, String action, RecordRef record) {
        append(actor, action, record, AuditOutcome.DENIED, Map.of(), Map.of());
    }

    /** Newest entries first by default. Owners, Admins, Managers and Users may read the log. */
    public ListResult<AuditEntry> list(Actor actor, ListRequest request) {
        requireRead(actor, "audit.read");
        ListRequest newestFirst = request.sort() == null || request.sort().isBlank()
                ? new ListRequest(request.filter(), "-id", request.q(), request.cursor(), request.limit())
                : request;
        Query query = queries.toQuery(newestFirst, List.of());
        return queries.toResult(repository.list(query), query);
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
