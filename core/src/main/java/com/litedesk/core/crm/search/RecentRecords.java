package com.litedesk.core.crm.search;

import com.litedesk.core.access.AccessPolicy;
import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Owned;
import com.litedesk.ports.crm.RecentView;
import com.litedesk.ports.crm.RecentViewRepository;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records a user opened lately, newest first, each once: what the search box offers before anything is typed.
 * A user says they opened a record ({@link #opened}); reading a record through the API does not count, so scripts
 * and integrations do not push a person's own records off their list. A record deleted since, or one the user may no
 * longer read, is left out. Each user's views are kept per user in the instance's store, at most {@value #KEPT}
 * (the oldest are forgotten), so that records dropping out still leave {@value #SHOWN} to show.
 */
public final class RecentRecords {

    public static final int SHOWN = 10;
    static final int KEPT = 30;

    private final CrmKinds kinds;
    private final AccessPolicy policy;
    private final RecordSummaries summaries;
    private final RecentViewRepository views;
    private final Clock clock;

    public RecentRecords(CrmKinds kinds, AccessPolicy policy, RecordSummaries summaries, RecentViewRepository views, Clock clock) {
        this.kinds = kinds;
        this.policy = policy;
        this.summaries = summaries;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Records that the actor opened {@code record}, now. NOT_FOUND when there is no such record, FORBIDDEN (audited)
     * when the actor may not read it, VALIDATION when it is not a contact, company, deal, task or note.
     */
    public void opened(Actor actor, RecordRef record) {
        if (record == null || !CrmKinds.isCrmRecord(record.type())) {
            throw LiteDeskException.invalid("type", "must be CONTACT, COMPANY, DEAL, TASK or NOTE");
        }
        kinds.of(record.type()).get(actor, record.id()); // checks that it exists and that the actor may read it
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = RecentView.idOf(actor.userId(), record);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Optional<RecentView> seen = views.findById(id);
                if (seen.isPresent()) {
                    RecentView v = seen.get();
                    views.replace(new RecentView(id, v.version() + 1, v.userId(), v.record(), now), v.version());
                } else {
                    views.insert(new RecentView(id, 1, actor.userId(), record, now));
                }
                break;
            } catch (LiteDeskException e) {
                // another tab of the same user recorded it meanwhile: read it again and move it to now
                if (e.code() != ErrorCode.CONFLICT && e.code() != ErrorCode.PRECONDITION_FAILED && e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
            }
        }
        forgetBeyond(actor.userId(), KEPT);
    }

    /** Up to {@value #SHOWN} records the actor opened, newest first, that still exist and that they may read. */
    public List<RecordSummary> of(Actor actor) {
        List<RecordSummary> shown = new ArrayList<>();
        for (RecentView view : newestFirst(actor.userId(), KEPT)) {
            if (shown.size() == SHOWN) {
                break;
            }
            RecordRef ref = view.record();
            if (!policy.allows(actor, CrmKinds.resourceOf(ref.type()), Action.READ)) {
                continue;
            }
            Optional<Owned> record = find(ref);
            if (record.isEmpty()) {
                forget(view); // deleted since
            } else if (policy.allows(actor, CrmKinds.resourceOf(ref.type()), Action.READ, record.get())) {
                shown.add(summaries.of(actor, record.get()));
            }
        }
        return shown;
    }

    private Optional<Owned> find(RecordRef ref) {
        try {
            return Optional.of((Owned) kinds.of(ref.type()).require(ref.id()));
        } catch (LiteDeskException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<RecentView> newestFirst(String userId, int limit) {
        return views.list(new Query(List.of(Condition.eq("userId", userId)), List.of(SortKey.desc("viewedAt")), null, limit)).items();
    }

    private void forgetBeyond(String userId, int kept) {
        List<RecentView> newest = newestFirst(userId, kept + 5);
        for (RecentView old : newest.subList(Math.min(kept, newest.size()), newest.size())) {
            forget(old);
        }
    }

    private void forget(RecentView view) {
        try {
            views.delete(view.id(), view.version());
        } catch (LiteDeskException e) {
            // viewed again or forgotten meanwhile: either way nothing is left to do
            if (e.code() != ErrorCode.NOT_FOUND && e.code() != ErrorCode.PRECONDITION_FAILED) {
                throw e;
            }
        }
    }
}
