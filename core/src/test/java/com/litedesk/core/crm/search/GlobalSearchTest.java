package com.litedesk.core.crm.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.access.AccessPolicy;
import com.litedesk.core.access.Actor;
import com.litedesk.core.crm.companies.CompanyDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.deals.DealDraft;
import com.litedesk.core.crm.notes.NoteDraft;
import com.litedesk.core.crm.tasks.TaskDraft;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.records.OwnedRecords;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GlobalSearchTest {

    private final TestInstance instance = new TestInstance();
    private final com.litedesk.core.LiteDesk crm = instance.crm;
    private String acmeId;
    private String adaId;

    @BeforeEach
    void seed() {
        Actor user = instance.as(Role.USER);
        acmeId = crm.companies().create(instance.owner, new CompanyDraft("Adastra Labs", "adastra.test", null, null, null, null, Map.of())).id();
        var ada = crm.contacts().create(user, new ContactDraft("Ada", "Lovelace", List.of("ada@analytical.test"), List.of(), null, acmeId,
                List.of(), null, Map.of()));
        adaId = ada.id();
        crm.contacts().create(instance.southUser, ContactDraft.named("Bob", "Brown", "adaptive@bob.test"));
        var deal = new DealDraft("Adastra renewal", new BigDecimal("12000"), "EUR", null, null, null, List.of(), acmeId, null, Map.of());
        crm.deals().create(instance.southUser, deal);
        crm.tasks().create(user, new TaskDraft("Call Ada back", null, LocalDate.parse("2026-03-05"), null, null, null,
                new RecordRef(RecordType.CONTACT, ada.id()), null));
        crm.notes().create(instance.southUser, new NoteDraft("\n  Ada asked for a quote  \nand more on the next line",
                new RecordRef(RecordType.COMPANY, acmeId), null));
        crm.contacts().create(instance.owner, ContactDraft.named("Zed", "Quill", "zed@quill.test"));
    }

    private SearchResults search(Actor actor, String q) {
        return crm.search().search(actor, q, null);
    }

    private static void fails(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.errors().getFirst().field()).isEqualTo(field);
        });
    }

    @Test
    void oneSearchFindsContactsCompaniesDealsTasksAndNotesEachTitledInWords() {
        SearchResults found = search(instance.owner, "ada");
        assertThat(found.groups()).extracting(SearchGroup::kind).containsExactlyInAnyOrder(RecordType.CONTACT, RecordType.COMPANY,
                RecordType.DEAL, RecordType.TASK, RecordType.NOTE);
        assertThat(hits(found, RecordType.CONTACT)).extracting(RecordSummary::title, RecordSummary::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ada Lovelace", "ada@analytical.test"),
                        org.assertj.core.groups.Tuple.tuple("Bob Brown", "adaptive@bob.test"));
        RecordSummary company = hits(found, RecordType.COMPANY).getFirst();
        assertThat(company.title()).isEqualTo("Adastra Labs");
        assertThat(company.detail()).isEqualTo("adastra.test");
        RecordSummary deal = hits(found, RecordType.DEAL).getFirst();
        assertThat(deal.title()).isEqualTo("Adastra renewal");
        assertThat(deal.detail()).isEqualTo("Adastra Labs");
        assertThat(deal.value()).isEqualByComparingTo("12000");
        assertThat(deal.currency()).isEqualTo("EUR");
        RecordSummary task = hits(found, RecordType.TASK).getFirst();
        assertThat(task.title()).isEqualTo("Call Ada back");
        assertThat(task.detail()).isEqualTo("Ada Lovelace");
        assertThat(task.linked()).isEqualTo(new RecordRef(RecordType.CONTACT, adaId));
        assertThat(task.dueDate()).isEqualTo(LocalDate.parse("2026-03-05"));
        RecordSummary note = hits(found, RecordType.NOTE).getFirst();
        assertThat(note.title()).isEqualTo("Ada asked for a quote");
        assertThat(note.detail()).isEqualTo("Adastra Labs");
        assertThat(note.linked()).isEqualTo(new RecordRef(RecordType.COMPANY, acmeId));
        assertThat(deal.linked()).isEqualTo(new RecordRef(RecordType.COMPANY, acmeId));
    }

    @Test
    void kindsAreOrderedByTheirBestHitWholeNamesFirstThenTheFixedOrder() {
        // "ada" is a whole word of the contact's name, the task's title and the note; only a prefix of the company and deal
        assertThat(search(instance.owner, "ada").groups()).extracting(SearchGroup::kind)
                .containsExactly(RecordType.CONTACT, RecordType.TASK, RecordType.NOTE, RecordType.COMPANY, RecordType.DEAL);
        // "adastra" is a whole word of the company's and the deal's names alone: equally good, companies come first
        assertThat(search(instance.owner, "adastra").groups()).extracting(SearchGroup::kind)
                .containsExactly(RecordType.COMPANY, RecordType.DEAL);
    }

    @Test
    void withinAKindANameMatchRanksAboveAMatchElsewhere() {
        crm.contacts().create(instance.owner, ContactDraft.named("Carl", "Cole", "lovelace@fans.test"));
        assertThat(hits(search(instance.owner, "lovelace"), RecordType.CONTACT)).extracting(RecordSummary::title)
                .containsExactly("Ada Lovelace", "Carl Cole");
    }

    @Test
    void everyRoleFindsExactlyWhatItsOwnListsShowForTheSameSearch() {
        for (Role role : Role.values()) {
            Actor actor = instance.as(role);
            SearchResults found = search(actor, "ada");
            for (RecordType type : CrmKinds.ALL) {
                OwnedRecords<?, ?> records = new CrmKinds(crm.contacts(), crm.companies(), crm.deals(), crm.tasks(), crm.notes()).of(type);
                List<String> listed = records.list(actor, new ListRequest(null, null, "ada", null, 5)).items().stream()
                        .map(r -> ((com.litedesk.ports.store.Entity) r).id()).toList();
                assertThat(hits(found, type).stream().map(RecordSummary::id).toList()).as(role + " " + type).isEqualTo(listed);
            }
        }
        // a User and a Viewer find records that other users own, as their lists show them
        assertThat(hits(search(instance.as(Role.VIEWER), "bob"), RecordType.CONTACT)).extracting(RecordSummary::title)
                .containsExactly("Bob Brown");
        assertThat(hits(search(instance.as(Role.USER), "quote"), RecordType.NOTE)).hasSize(1);
    }

    @Test
    void fewerThanTwoCharactersFindNothingWithoutAskingAnyStore() {
        // no stores at all behind it: a search that reached one would fail
        GlobalSearch detached = new GlobalSearch(new CrmKinds(null, null, null, null, null), new AccessPolicy(), null);
        assertThat(detached.search(instance.owner, "a", null).groups()).isEmpty();
        assertThat(detached.search(instance.owner, "  a  ", 20).groups()).isEmpty();
        assertThat(detached.search(instance.owner, null, null).groups()).isEmpty();
        assertThat(detached.search(instance.owner, "@@", null).groups()).isEmpty();
    }

    @Test
    void eachKindShowsUpToTheLimitAskedForAtMostTwenty() {
        for (int i = 0; i < 7; i++) {
            crm.contacts().create(instance.owner, ContactDraft.named("Quinn", "Number" + i, null));
        }
        assertThat(hits(crm.search().search(instance.owner, "quinn", 3), RecordType.CONTACT)).hasSize(3);
        assertThat(hits(search(instance.owner, "quinn"), RecordType.CONTACT)).hasSize(GlobalSearch.DEFAULT_PER_KIND);
        assertThat(hits(crm.search().search(instance.owner, "quinn", 20), RecordType.CONTACT)).hasSize(7);
        fails(() -> crm.search().search(instance.owner, "quinn", 21), "limit");
        fails(() -> crm.search().search(instance.owner, "quinn", 0), "limit");
    }

    @Test
    void aSearchTooLongWithControlCharactersOrTooManyWordsIsRefused() {
        fails(() -> search(instance.owner, "a".repeat(101)), "q");
        fails(() -> search(instance.owner, "ada\u0000"), "q");
        fails(() -> search(instance.owner, "a b c d e f"), "q");
    }

    @Test
    void aLongNoteIsTitledByItsFirstLineCutAtAWord() {
        String line = "Ada " + "wonderful ".repeat(12) + "end";
        crm.notes().create(instance.owner, new NoteDraft(line + "\nsecond", new RecordRef(RecordType.COMPANY, acmeId), null));
        String title = hits(search(instance.owner, "wonderful"), RecordType.NOTE).getFirst().title();
        assertThat(title).endsWith("wonderful…").hasSizeLessThanOrEqualTo(RecordSummaries.NOTE_TITLE_LENGTH);
    }

    static List<RecordSummary> hits(SearchResults results, RecordType kind) {
        return results.groups().stream().filter(g -> g.kind() == kind).findFirst().map(SearchGroup::hits).orElse(List.of());
    }
}
