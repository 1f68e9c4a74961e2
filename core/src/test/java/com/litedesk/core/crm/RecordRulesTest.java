package com.litedesk.core.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.companies.CompanyDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.notes.NoteDraft;
import com.litedesk.core.crm.tasks.TaskDraft;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.settings.SettingsDraft;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.CustomFieldDefinition;
import com.litedesk.ports.crm.CustomFieldType;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.TaskStatus;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.instance.PlanLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordRulesTest {

    private final TestInstance instance = new TestInstance();
    private final com.litedesk.core.LiteDesk crm = instance.crm;

    private static void fails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void thePrimaryEmailOfAContactIsUniqueIgnoringCase() {
        crm.contacts().create(instance.owner, ContactDraft.named("Ada", "Lovelace", "ada@example.com"));
        fails(() -> crm.contacts().create(instance.owner, ContactDraft.named("Ada", "Clone", "ADA@Example.com")), ErrorCode.CONFLICT);
        assertThat(crm.contacts().list(instance.owner, ListRequest.firstPage()).items()).hasSize(1);
    }

    @Test
    void aCompanyDomainIsNormalisedAndUnique() {
        var acme = crm.companies().create(instance.owner, CompanyDraft.named("Acme", "https://www.Acme.com/about"));
        assertThat(acme.domain()).isEqualTo("acme.com");
        fails(() -> crm.companies().create(instance.owner, CompanyDraft.named("Acme 2", "ACME.com")), ErrorCode.CONFLICT);
        fails(() -> crm.companies().create(instance.owner, CompanyDraft.named("Bad", "not a domain")), ErrorCode.VALIDATION);
    }

    @Test
    void anEditNeedsTheCurrentVersionWhenOneIsGiven() {
        var c = crm.contacts().create(instance.owner, ContactDraft.named("Ada", "Lovelace", null));
        var draft = crm.contacts().draftOf(c);
        crm.contacts().update(instance.owner, c.id(), 1L, draft);
        fails(() -> crm.contacts().update(instance.owner, c.id(), 1L, draft), ErrorCode.PRECONDITION_FAILED);
        assertThat(crm.contacts().get(instance.owner, c.id()).version()).isEqualTo(2);
    }

    @Test
    void updatesWithoutAPreconditionAllLandWhenTheyRace() throws Exception {
        var c = crm.contacts().create(instance.owner, ContactDraft.named("Ada", "Lovelace", null));
        var draft = crm.contacts().draftOf(c);
        int writers = 8;
        int each = 25;
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
        var start = new java.util.concurrent.CountDownLatch(1);
        var threads = new java.util.ArrayList<Thread>();
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        crm.contacts().update(instance.owner, c.id(), null, draft);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(crm.contacts().get(instance.owner, c.id()).version()).isEqualTo(1 + writers * each);
        // with a precondition, a lost race is still refused
        fails(() -> crm.contacts().update(instance.owner, c.id(), 1L, draft), ErrorCode.PRECONDITION_FAILED);
    }

    @Test
    void customFieldsAreTypedByTheInstanceSettings() {
        var settings = crm.settings().current();
        crm.settings().update(instance.owner, settings.version(), new SettingsDraft("Acme", Map.of("CONTACT", List.of(
                new CustomFieldDefinition("score", "Score", CustomFieldType.NUMBER, List.of(), false),
                new CustomFieldDefinition("tier", "Tier", CustomFieldType.SELECT, List.of("gold", "silver"), true)))));
        var ok = crm.contacts().create(instance.owner, new ContactDraft("A", "B", List.of(), List.of(), null, null, List.of(), null,
                Map.of("score", new BigDecimal("4.5"), "tier", "gold")));
        assertThat(ok.customFields()).containsEntry("tier", "gold");
        assertThatThrownBy(() -> crm.contacts().create(instance.owner, new ContactDraft("A", "B", List.of(), List.of(), null, null,
                List.of(), null, Map.of("score", "high", "tier", "bronze", "unknown", 1))))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.errors()).extracting(f -> f.field())
                        .containsExactlyInAnyOrder("customFields.score", "customFields.tier", "customFields.unknown"));
    }

    @Test
    void listsFilterOnCustomFieldsByTheirTypeAndRefuseUnknownOnesAndSortingOnThem() {
        var settings = crm.settings().current();
        crm.settings().update(instance.owner, settings.version(), new SettingsDraft("Acme", Map.of("CONTACT", List.of(
                new CustomFieldDefinition("score", "Score", CustomFieldType.NUMBER, List.of(), false),
                new CustomFieldDefinition("vip", "VIP", CustomFieldType.BOOL, List.of(), false),
                new CustomFieldDefinition("since", "Customer since", CustomFieldType.DATE, List.of(), false),
                new CustomFieldDefinition("tier", "Tier", CustomFieldType.SELECT, List.of("gold", "silver"), false)))));
        var high = crm.contacts().create(instance.owner, new ContactDraft("A", "High", List.of(), List.of(), null, null, List.of(), null,
                Map.of("score", new BigDecimal("9"), "vip", true, "since", "2024-02-01", "tier", "gold")));
        var low = crm.contacts().create(instance.owner, new ContactDraft("B", "Low", List.of(), List.of(), null, null, List.of(), null,
                Map.of("score", new BigDecimal("2"), "vip", false, "since", "2019-05-01")));
        java.util.function.Function<String, List<String>> ids = filter -> crm.contacts().list(instance.owner,
                com.litedesk.core.listing.ListRequest.filtered(filter)).items().stream().map(c -> c.id()).toList();
        assertThat(ids.apply("customFields.score[gte]:5")).containsExactly(high.id());
        assertThat(ids.apply("customFields.vip[eq]:false")).containsExactly(low.id());
        assertThat(ids.apply("customFields.since[lt]:\"2020-01-01\"")).containsExactly(low.id());
        assertThat(ids.apply("customFields.tier[eq]:\"gold\",customFields.score[gt]:1")).containsExactly(high.id());
        fails(() -> ids.apply("customFields.nope[eq]:1"), ErrorCode.VALIDATION);
        fails(() -> ids.apply("customFields.score[eq]:\"high\""), ErrorCode.VALIDATION);
        fails(() -> ids.apply("customFields.since[gte]:\"soon\""), ErrorCode.VALIDATION);
        fails(() -> ids.apply("customFields.vip[gt]:true"), ErrorCode.VALIDATION);
        fails(() -> crm.companies().list(instance.owner, com.litedesk.core.listing.ListRequest.filtered("customFields.score[gte]:5")),
                ErrorCode.VALIDATION); // a contact's field is not a company's
        fails(() -> crm.contacts().list(instance.owner, new com.litedesk.core.listing.ListRequest(null, "customFields.score", null, null, null,
                false)), ErrorCode.VALIDATION);
    }

    @Test
    void theContactLimitOfThePlanIsEnforced() {
        TestInstance small = new TestInstance(new PlanLimits(null, 2L, null, null));
        small.crm.contacts().create(small.owner, ContactDraft.named("A", "A", null));
        small.crm.contacts().create(small.owner, ContactDraft.named("B", "B", null));
        fails(() -> small.crm.contacts().create(small.owner, ContactDraft.named("C", "C", null)), ErrorCode.LIMIT_REACHED);
    }

    @Test
    void theStorageLimitOfThePlanStopsNewRecordsOfEveryKind() {
        TestInstance small = new TestInstance(new PlanLimits(null, null, 1L, null)); // 1 MB; the in-memory meter counts 600 bytes a record
        int created = 0;
        try {
            for (; created < 5_000; created++) {
                small.clock.advance(java.time.Duration.ofSeconds(6)); // past the reuse window of the last measurement
                small.crm.contacts().create(small.owner, ContactDraft.named("P", "P" + created, null));
            }
        } catch (LiteDeskException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
            assertThat(e.getMessage()).contains("1 MB");
        }
        assertThat(created).isBetween(1_700, 1_800);
        fails(() -> small.crm.companies().create(small.owner, com.litedesk.core.crm.companies.CompanyDraft.named("Acme", "acme.test")),
                ErrorCode.LIMIT_REACHED);
    }

    @Test
    void myOpenTasksAndOverdueTasksAreViews() {
        var user = instance.as(Role.USER);
        crm.tasks().create(user, TaskDraft.of("due yesterday", LocalDate.parse("2026-02-28")));
        crm.tasks().create(user, TaskDraft.of("due tomorrow", LocalDate.parse("2026-03-02")));
        var done = crm.tasks().create(user, TaskDraft.of("done", LocalDate.parse("2026-02-01")));
        var d = crm.tasks().draftOf(done);
        crm.tasks().update(user, done.id(), null, new TaskDraft(d.title(), null, d.dueDate(), null, TaskStatus.DONE, null, null, null));
        crm.tasks().create(instance.owner, TaskDraft.of("someone else's", LocalDate.parse("2026-02-01")));
        assertThat(crm.tasks().myOpen(user, ListRequest.firstPage()).items()).extracting(t -> t.title())
                .containsExactlyInAnyOrder("due yesterday", "due tomorrow");
        assertThat(crm.tasks().overdue(user, ListRequest.firstPage()).items()).extracting(t -> t.title())
                .containsExactlyInAnyOrder("due yesterday", "someone else's");
        instance.clock.advance(Duration.ofDays(3));
        assertThat(crm.tasks().overdue(user, ListRequest.firstPage()).items()).hasSize(3);
    }

    @Test
    void anAssigneeMayCompleteATaskTheyDoNotOwn() {
        var user = instance.as(Role.USER);
        var task = crm.tasks().create(instance.owner, new TaskDraft("for the user", null, null, null, null, user.userId(), null, null));
        var d = crm.tasks().draftOf(task);
        var done = crm.tasks().update(user, task.id(), task.version(), new TaskDraft(d.title(), null, null, null, TaskStatus.DONE,
                d.assigneeId(), null, d.ownerId()));
        assertThat(done.completedAt()).isNotNull();
    }

    @Test
    void aTimelineMergesNotesTasksAndChangesNewestFirst() {
        var contact = crm.contacts().create(instance.owner, ContactDraft.named("Ada", "Lovelace", null));
        RecordRef ref = new RecordRef(RecordType.CONTACT, contact.id());
        instance.clock.advance(Duration.ofMinutes(1));
        crm.notes().create(instance.owner, new NoteDraft("met at the conference", ref, null));
        instance.clock.advance(Duration.ofMinutes(1));
        crm.tasks().create(instance.owner, new TaskDraft("send the paper", null, null, null, null, null, ref, null));
        instance.clock.advance(Duration.ofMinutes(1));
        var d = crm.contacts().draftOf(contact);
        crm.contacts().update(instance.owner, contact.id(), null, new ContactDraft(d.firstName(), d.lastName(), d.emails(), d.phones(),
                "Countess", d.companyId(), d.tags(), d.ownerId(), d.customFields()));
        var items = crm.timeline().of(instance.owner, RecordType.CONTACT, contact.id(), 50);
        assertThat(items).extracting(i -> i.kind()).containsExactly("contact.update", "TASK", "NOTE", "contact.create");
        assertThat(items.getFirst().details()).containsEntry("title", "Countess");
    }

    @Test
    void aNoteNeedsAnExistingTarget() {
        fails(() -> crm.notes().create(instance.owner, new NoteDraft("x", new RecordRef(RecordType.CONTACT, "missing"), null)), ErrorCode.VALIDATION);
        fails(() -> crm.notes().create(instance.owner, new NoteDraft("x", new RecordRef(RecordType.USER, instance.owner.userId()), null)), ErrorCode.VALIDATION);
    }

    @Test
    void aRecordCanBeGivenOnlyToAnActiveUserAndOnlyByWhoMayEditItThen() {
        var user = instance.as(Role.USER);
        fails(() -> crm.contacts().create(user, new ContactDraft("A", "B", List.of(), List.of(), null, null, List.of(),
                instance.southUser.userId(), Map.of())), ErrorCode.FORBIDDEN);
        fails(() -> crm.contacts().create(instance.owner, new ContactDraft("A", "B", List.of(), List.of(), null, null, List.of(),
                "no-such-user", Map.of())), ErrorCode.VALIDATION);
        var manager = instance.as(Role.MANAGER);
        var c = crm.contacts().create(manager, new ContactDraft("A", "B", List.of(), List.of(), null, null, List.of(), user.userId(), Map.of()));
        assertThat(c.teamId()).isEqualTo(user.teamId());
    }
}
