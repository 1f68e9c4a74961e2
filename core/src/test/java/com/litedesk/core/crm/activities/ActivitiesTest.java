package com.litedesk.core.crm.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.companies.CompanyDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.notes.NoteDraft;
import com.litedesk.core.crm.tasks.TaskDraft;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.audit.AuditOutcome;
import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.ActivityType;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivitiesTest {

    private final TestInstance instance = new TestInstance();
    private final com.litedesk.core.LiteDesk crm = instance.crm;
    private final RecordRef ada = new RecordRef(RecordType.CONTACT,
            crm.contacts().create(instance.owner, ContactDraft.named("Ada", "Lovelace", "ada@example.com")).id());

    private static void fails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private ActivityDraft meeting(String subject, Instant at, Integer minutes) {
        return new ActivityDraft(ActivityType.MEETING, subject, "Went through the figures", at, minutes, "Agreed on a pilot", ada);
    }

    @Test
    void aLoggedCallBelongsToItsAuthorAndIsAudited() {
        var user = instance.as(Role.USER);
        Activity call = crm.activities().create(user, ActivityDraft.call("Pricing follow-up", ada, 15, "Left a voicemail"));
        assertThat(call.ownerId()).isEqualTo(user.userId());
        assertThat(call.teamId()).isEqualTo(user.teamId());
        assertThat(call.occurredAt()).isEqualTo(instance.clock.instant());
        assertThat(call.durationMinutes()).isEqualTo(15);
        var entry = instance.stores.audit().last().orElseThrow();
        assertThat(entry.action()).isEqualTo("activity.create");
        assertThat(entry.record()).isEqualTo(new RecordRef(RecordType.ACTIVITY, call.id()));
        assertThat(entry.after()).containsEntry("subject", "Pricing follow-up");
    }

    @Test
    void anActivityIsEditedAndDeletedWithItsVersionButStaysWithItsRecord() {
        Activity m = crm.activities().create(instance.owner, meeting("Kick-off", Instant.parse("2026-02-27T14:00:00Z"), 60));
        var d = crm.activities().draftOf(m);
        Activity edited = crm.activities().update(instance.owner, m.id(), 1L,
                new ActivityDraft(d.type(), "Kick-off, second part", d.body(), d.occurredAt(), 90, d.outcome(), null));
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.durationMinutes()).isEqualTo(90);
        assertThat(edited.linkedRecord()).isEqualTo(ada);
        fails(() -> crm.activities().update(instance.owner, m.id(), 1L, d), ErrorCode.PRECONDITION_FAILED);
        String company = crm.companies().create(instance.owner, CompanyDraft.named("Acme", null)).id();
        fails(() -> crm.activities().update(instance.owner, m.id(), 2L, new ActivityDraft(d.type(), d.subject(), null, null, null, null,
                new RecordRef(RecordType.COMPANY, company))), ErrorCode.VALIDATION);
        crm.activities().delete(instance.owner, m.id(), 2L);
        fails(() -> crm.activities().get(instance.owner, m.id()), ErrorCode.NOT_FOUND);
        assertThat(instance.stores.audit().last().orElseThrow().action()).isEqualTo("activity.delete");
    }

    @Test
    void badActivitiesAreRefusedFieldByFieldAndNothingIsStored() {
        var e = (LiteDeskException) org.assertj.core.api.Assertions.catchThrowable(() -> crm.activities().create(instance.owner,
                new ActivityDraft(ActivityType.EMAIL, " ", null, instance.clock.instant().plus(Duration.ofDays(400)), 10, null,
                        new RecordRef(RecordType.TASK, "t1"))));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(e.errors()).extracting(f -> f.field())
                .containsExactlyInAnyOrder("subject", "occurredAt", "durationMinutes", "linkedRecord.type");
        fails(() -> crm.activities().create(instance.owner, new ActivityDraft(null, "x", null, null, null, null, ada)), ErrorCode.VALIDATION);
        fails(() -> crm.activities().create(instance.owner, ActivityDraft.call("x", ada, 24 * 60 + 1, null)), ErrorCode.VALIDATION);
        fails(() -> crm.activities().create(instance.owner, ActivityDraft.call("x", new RecordRef(RecordType.CONTACT, "gone"), 5, null)),
                ErrorCode.VALIDATION);
        assertThat(instance.stores.activities().count(java.util.List.of())).isZero();
    }

    @Test
    void aViewerReadsActivitiesButLogsNoneAndTheRefusalIsAudited() {
        var viewer = instance.as(Role.VIEWER);
        fails(() -> crm.activities().create(viewer, ActivityDraft.call("x", ada, 5, null)), ErrorCode.FORBIDDEN);
        var denial = instance.stores.audit().last().orElseThrow();
        assertThat(denial.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(denial.actorId()).isEqualTo(viewer.userId());
        Activity call = crm.activities().create(instance.owner, ActivityDraft.call("x", ada, 5, null));
        assertThat(crm.activities().get(viewer, call.id()).id()).isEqualTo(call.id());
    }

    @Test
    void aUserChangesOnlyTheActivitiesTheyLoggedAndAManagerThoseOfTheirTeam() {
        var user = instance.as(Role.USER);
        Activity others = crm.activities().create(instance.southUser, ActivityDraft.call("Theirs", ada, 5, null));
        fails(() -> crm.activities().delete(user, others.id(), null), ErrorCode.FORBIDDEN);
        fails(() -> crm.activities().delete(instance.as(Role.MANAGER), others.id(), null), ErrorCode.FORBIDDEN);
        crm.activities().delete(instance.southManager, others.id(), null);
    }

    @Test
    void activitiesAreListedByRecordAndByAuthorLatestFirst() {
        var user = instance.as(Role.USER);
        var company = new RecordRef(RecordType.COMPANY, crm.companies().create(instance.owner, CompanyDraft.named("Acme", null)).id());
        crm.activities().create(user, meeting("Older", Instant.parse("2026-02-20T10:00:00Z"), 30));
        crm.activities().create(instance.owner, meeting("Newer", Instant.parse("2026-02-25T10:00:00Z"), 30));
        crm.activities().create(user, ActivityDraft.call("About the company", company, 5, null));
        assertThat(crm.activities().of(user, ada, ListRequest.firstPage()).items()).extracting(Activity::subject)
                .containsExactly("Newer", "Older");
        assertThat(crm.activities().loggedBy(user, user.userId(), ListRequest.firstPage()).items()).extracting(Activity::subject)
                .containsExactly("About the company", "Older");
        assertThat(crm.activities().list(user, ListRequest.filtered("type[eq]:\"CALL\"")).items()).extracting(Activity::subject)
                .containsExactly("About the company");
    }

    @Test
    void theTimelineTellsActivitiesInWordsAmongNotesTasksAndChanges() {
        crm.activities().create(instance.owner, ActivityDraft.call("Pricing follow-up", ada, 15, "Left a voicemail"));
        instance.clock.advance(Duration.ofMinutes(1));
        crm.notes().create(instance.owner, new NoteDraft("met at the conference", ada, null));
        instance.clock.advance(Duration.ofMinutes(1));
        crm.tasks().create(instance.owner, new TaskDraft("send the paper", null, null, null, null, null, ada, null));
        crm.activities().create(instance.owner, meeting("Kick-off", instance.clock.instant().plus(Duration.ofHours(1)), 90));
        var items = crm.timeline().of(instance.owner, RecordType.CONTACT, ada.id(), 50);
        assertThat(items).extracting(i -> i.kind()).containsExactly("ACTIVITY", "TASK", "NOTE", "ACTIVITY", "contact.create");
        assertThat(items.get(3).summary()).isEqualTo("Call with Ada Lovelace — 15 min — Left a voicemail");
        assertThat(items.get(3).details()).containsEntry("subject", "Pricing follow-up").containsEntry("type", "CALL");
        assertThat(items.get(3).actorId()).isEqualTo(instance.owner.userId());
        assertThat(items.getFirst().summary()).isEqualTo("Meeting with Ada Lovelace — 1 h 30 min — Agreed on a pilot");

        var deal = new RecordRef(RecordType.DEAL, crm.deals().create(instance.owner,
                com.litedesk.core.crm.deals.DealDraft.of("Difference engine", java.math.BigDecimal.TEN, "GBP")).id());
        crm.activities().create(instance.owner, new ActivityDraft(ActivityType.EMAIL, "Sent the quote", null, null, null, null, deal));
        crm.activities().create(instance.owner, ActivityDraft.call("Two hours on the phone", deal, 120, null));
        assertThat(crm.timeline().of(instance.owner, RecordType.DEAL, deal.id(), 50)).extracting(i -> i.summary())
                .contains("Email about Difference engine", "Call about Difference engine — 2 h");
    }
}
