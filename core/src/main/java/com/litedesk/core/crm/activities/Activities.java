package com.litedesk.core.crm.activities;

import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.crm.LinkedRecords;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.listing.ListResult;
import com.litedesk.core.records.OwnedRecords;
import com.litedesk.core.records.RecordBase;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.ActivityRepository;
import com.litedesk.ports.crm.ActivityType;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Use cases of activities: calls, meetings and emails logged against a contact, company or deal. The one who logs an
 * activity owns it (there is no owner to choose), and it stays with its record: log a new one for another record.
 */
public final class Activities extends OwnedRecords<Activity, ActivityDraft> {

    public static final FieldSet FIELDS = FieldSet.builder()
            .enumeration("type", ActivityType.class).instant("occurredAt").text("linkedRecord.id")
            .enumeration("linkedRecord.type", RecordType.class).text("ownerId").text("teamId")
            .fullTextSearch()
            .build();

    /** The longest call or meeting one activity records: a day. */
    static final int MAX_MINUTES = 24 * 60;
    /** How far ahead an activity may be dated (a meeting planned for next year is a task, not an activity). */
    private static final Duration MAX_AHEAD = Duration.ofDays(366);

    private final LinkedRecords links;

    public Activities(RecordContext context, ActivityRepository activities, LinkedRecords links) {
        super(context, activities, Resource.ACTIVITIES, RecordType.ACTIVITY, FIELDS);
        this.links = links;
    }

    @Override
    protected Activity build(ActivityDraft d, RecordBase b) {
        Validation v = new Validation();
        if (d.type() == null) {
            v.error("type", "is required: CALL, MEETING or EMAIL");
        }
        String subject = v.required("subject", d.subject(), 200);
        String body = v.optional("body", d.body(), 10_000);
        String outcome = v.optional("outcome", d.outcome(), 200);
        Instant occurredAt = d.occurredAt() == null ? b.createdAt() : d.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        if (occurredAt.isAfter(context.now().plus(MAX_AHEAD))) {
            v.error("occurredAt", "is more than a year ahead");
        }
        Integer minutes = d.durationMinutes();
        if (minutes != null && d.type() == ActivityType.EMAIL) {
            v.error("durationMinutes", "is for calls and meetings only");
        } else if (minutes != null && (minutes < 0 || minutes > MAX_MINUTES)) {
            v.error("durationMinutes", "must be from 0 to " + MAX_MINUTES);
        }
        links.checkTarget(v, "linkedRecord", d.linkedRecord(), true);
        v.throwIfInvalid();
        return new Activity(b.id(), b.version(), d.type(), subject, body, occurredAt, minutes, outcome, d.linkedRecord(),
                b.ownerId(), b.teamId(), b.createdAt(), b.createdBy(), b.updatedAt(), b.updatedBy());
    }

    @Override
    protected Activity prepareUpdate(Actor actor, Activity current, ActivityDraft draft) {
        if (draft.linkedRecord() != null && !draft.linkedRecord().equals(current.linkedRecord())) {
            throw LiteDeskException.invalid("linkedRecord", "an activity cannot move to another record");
        }
        return super.prepareUpdate(actor, current, new ActivityDraft(draft.type(), draft.subject(), draft.body(),
                draft.occurredAt() == null ? current.occurredAt() : draft.occurredAt(), draft.durationMinutes(), draft.outcome(),
                current.linkedRecord()));
    }

    /** Always the author: an activity records what its owner did. */
    @Override
    protected String requestedOwner(ActivityDraft draft) {
        return null;
    }

    @Override
    public ActivityDraft draftOf(Activity a) {
        return new ActivityDraft(a.type(), a.subject(), a.body(), a.occurredAt(), a.durationMinutes(), a.outcome(), a.linkedRecord());
    }

    /** Activities logged against a record, the latest first (a list request may filter and page further). */
    public ListResult<Activity> of(Actor actor, RecordRef record, ListRequest request) {
        return list(actor, request.sortedByDefault("-occurredAt"), linkedTo(record));
    }

    /** Activities a user logged, the latest first. */
    public ListResult<Activity> loggedBy(Actor actor, String ownerId, ListRequest request) {
        return list(actor, request.sortedByDefault("-occurredAt"), List.of(Condition.eq("ownerId", ownerId)));
    }

    /** What "activities of a record" fixes. */
    public static List<Condition> linkedTo(RecordRef record) {
        return List.of(Condition.eq("linkedRecord.type", record.type()), Condition.eq("linkedRecord.id", record.id()));
    }

    /** Activities of a record, the latest first, without an access check (the timeline checks the record's). */
    public List<Activity> about(RecordRef record, int limit) {
        return repository.list(new Query(linkedTo(record), List.of(SortKey.desc("occurredAt")), null, limit)).items();
    }
}
