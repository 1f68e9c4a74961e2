package com.litedesk.core.crm.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.activities.ActivityDraft;
import com.litedesk.core.crm.companies.CompanyDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.deals.DealDraft;
import com.litedesk.core.crm.notes.NoteDraft;
import com.litedesk.core.crm.tasks.TaskDraft;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Duplicates found before they are made, and merged with everything that pointed at them. */
class DuplicatesAndMergesTest {

    private final TestInstance instance = new TestInstance();
    private final Duplicates duplicates = instance.crm.duplicates();
    private final Merges merges = instance.crm.merges();

    private Contact contact(String first, String last, String email, String phone) {
        return instance.crm.contacts().create(instance.owner, new ContactDraft(first, last, email == null ? List.of() : List.of(email),
                phone == null ? List.of() : List.of(phone), null, null, List.of(), null, Map.of()));
    }

    @Test
    void aContactWithTheSameEmailPhoneOrNameIsFoundBeforeASecondIsCreated() {
        Contact ada = contact("Ada", "Lovelace", "ada@engine.test", "+44 20 7946 0000");
        contact("Charles", "Babbage", "cb@engine.test", null);
        assertThat(duplicates.ofContact(instance.owner, null, "Someone", List.of("ADA@engine.test"), List.of(), null))
                .singleElement().satisfies(c -> {
                    assertThat(c.id()).isEqualTo(ada.id());
                    assertThat(c.name()).isEqualTo("Ada Lovelace");
                    assertThat(c.reason()).isEqualTo("same email ADA@engine.test");
                });
        assertThat(duplicates.ofContact(instance.owner, "ada", "LOVELACE.", List.of(), List.of(), null))
                .extracting(Duplicates.Candidate::reason).containsExactly("same name");
        assertThat(duplicates.ofContact(instance.owner, null, "X", List.of(), List.of("0044 (20) 7946-0000"), null)).isEmpty();
        assertThat(duplicates.ofContact(instance.owner, null, "X", List.of(), List.of("+44 20 7946 0000"), null))
                .extracting(Duplicates.Candidate::reason).containsExactly("same phone +44 20 7946 0000");
        assertThat(duplicates.ofContact(instance.owner, "Grace", "Hopper", List.of("grace@navy.test"), List.of(), null)).isEmpty();
        assertThat(duplicates.ofContact(instance.owner, ada.id())).isEmpty();
    }

    @Test
    void mergingAContactKeepsItsValuesTakesTheDuplicatesAndMovesEverythingThatPointedAtIt() {
        Contact keep = contact("Ada", "Lovelace", "ada@engine.test", null);
        Contact duplicate = instance.crm.contacts().create(instance.owner, new ContactDraft("Ada", "Lovelace",
                List.of("countess@engine.test", "ada@engine.test"), List.of("+44 1"), "Countess", null, List.of("vip"), null, Map.of()));
        RecordRef dupRef = new RecordRef(RecordType.CONTACT, duplicate.id());
        var deal = instance.crm.deals().create(instance.owner, new DealDraft("Engine", BigDecimal.TEN, "EUR", null, null, null,
                List.of(duplicate.id(), keep.id()), null, null, Map.of()));
        var note = instance.crm.notes().create(instance.owner, new NoteDraft("Met at the Royal Society", dupRef, null));
        var task = instance.crm.tasks().create(instance.owner, new TaskDraft("Send the notes", null, LocalDate.parse("2026-04-01"), null, null,
                null, dupRef, null));
        var call = instance.crm.activities().create(instance.owner, ActivityDraft.call("Intro call", dupRef, 15, "Interested"));

        Contact merged = merges.mergeContacts(instance.owner, keep.id(), duplicate.id());
        assertThat(merged.emails()).containsExactly("ada@engine.test", "countess@engine.test");
        assertThat(merged.phones()).containsExactly("+44 1");
        assertThat(merged.title()).isEqualTo("Countess");
        assertThat(merged.tags()).containsExactly("vip");
        assertThat(instance.stores.contacts().findById(duplicate.id())).isEmpty();
        assertThat(instance.stores.deals().findById(deal.id()).orElseThrow().contactIds()).containsExactly(keep.id());
        assertThat(instance.stores.notes().findById(note.id()).orElseThrow().target().id()).isEqualTo(keep.id());
        assertThat(instance.stores.tasks().findById(task.id()).orElseThrow().linkedRecord().id()).isEqualTo(keep.id());
        assertThat(instance.stores.activities().findById(call.id()).orElseThrow().linkedRecord().id()).isEqualTo(keep.id());
        assertThat(instance.crm.timeline().of(instance.owner, RecordType.CONTACT, keep.id(), 50))
                .anySatisfy(t -> assertThat(t.summary()).isEqualTo("merged Ada Lovelace into this"));
    }

    @Test
    void theWholeListIsGroupedByWhatRecordsShareLargestGroupFirstOldestFirstInEach() {
        Contact ada = contact("Ada", "Lovelace", "ada@engine.test", null);
        Contact ada2 = contact("ada", "LOVELACE", "countess@engine.test", "+44 20 7946 0000");
        Contact ada3 = contact("A.", "King", "other@engine.test", "+44 (20) 7946-0000");
        Contact grace = contact("Grace", "Hopper", "grace@navy.test", null);
        Contact grace2 = instance.crm.contacts().create(instance.owner, new ContactDraft("G.", "Hopper",
                List.of("g.hopper@navy.test", "GRACE@navy.test"), List.of(), null, null, List.of(), null, Map.of()));
        contact("Alan", "Turing", "alan@bletchley.test", null);
        var groups = duplicates.contactGroups(instance.owner);
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).records()).extracting(Duplicates.Candidate::id).containsExactly(ada.id(), ada2.id(), ada3.id());
        assertThat(groups.get(0).reason()).isEqualTo("same name");
        assertThat(groups.get(1).records()).extracting(Duplicates.Candidate::id).containsExactly(grace.id(), grace2.id());
        assertThat(groups.get(1).reason()).isEqualTo("same email grace@navy.test");
        assertThat(groups.get(1).records().get(1).name()).isEqualTo("G. Hopper");

        merges.mergeContacts(instance.owner, grace.id(), grace2.id());
        assertThat(duplicates.contactGroups(instance.owner)).hasSize(1);

        instance.crm.companies().create(instance.owner, com.litedesk.core.crm.companies.CompanyDraft.named("Acme Inc.", "acme.test"));
        instance.crm.companies().create(instance.owner, com.litedesk.core.crm.companies.CompanyDraft.named("ACME inc", null));
        instance.crm.companies().create(instance.owner, com.litedesk.core.crm.companies.CompanyDraft.named("Initech", "initech.test"));
        assertThat(duplicates.companyGroups(instance.owner)).singleElement().satisfies(g -> {
            assertThat(g.records()).extracting(Duplicates.Candidate::name).containsExactly("Acme Inc.", "ACME inc");
            assertThat(g.reason()).isEqualTo("same name");
        });
        assertThat(duplicates.contactGroups(instance.as(Role.VIEWER))).hasSize(1); // what they may read: every contact
    }

    @Test
    void aUserMergesOnlyWhatTheyMayChangeAndDeleteAndARefusalChangesNothing() {
        var user = instance.as(Role.USER);
        Contact mine = instance.crm.contacts().create(user, ContactDraft.named("Ada", "Lovelace", "ada@engine.test"));
        Contact theirs = contact("Ada", "Lovelace", "ada2@engine.test", null);
        assertThatThrownBy(() -> merges.mergeContacts(user, mine.id(), theirs.id()))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(instance.stores.contacts().findById(theirs.id())).isPresent();
        assertThat(instance.stores.contacts().findById(mine.id()).orElseThrow().emails()).containsExactly("ada@engine.test");
        assertThatThrownBy(() -> merges.mergeContacts(instance.owner, mine.id(), mine.id()))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
    }

    @Test
    void mergingACompanyMovesItsContactsAndDealsAndTakesItsDomainWhenTheKeptOneHasNone() {
        var keep = instance.crm.companies().create(instance.owner, CompanyDraft.named("Analytical Engines", null));
        var duplicate = instance.crm.companies().create(instance.owner, CompanyDraft.named("Analytical Engines Ltd", "engine.test"));
        assertThat(duplicates.ofCompany(instance.owner, "analytical  engines", null, null)).extracting(Duplicates.Candidate::id)
                .containsExactly(keep.id());
        assertThat(duplicates.ofCompany(instance.owner, "Other", "https://ENGINE.test/about", null)).extracting(Duplicates.Candidate::reason)
                .containsExactly("same domain engine.test");
        var ada = instance.crm.contacts().create(instance.owner, new ContactDraft("Ada", "Lovelace", List.of(), List.of(), null,
                duplicate.id(), List.of(), null, Map.of()));
        var deal = instance.crm.deals().create(instance.owner, new DealDraft("Engine", BigDecimal.TEN, "EUR", null, null, null,
                List.of(), duplicate.id(), null, Map.of()));
        var merged = merges.mergeCompanies(instance.owner, keep.id(), duplicate.id());
        assertThat(merged.domain()).isEqualTo("engine.test");
        assertThat(instance.stores.contacts().findById(ada.id()).orElseThrow().companyId()).isEqualTo(keep.id());
        assertThat(instance.stores.deals().findById(deal.id()).orElseThrow().companyId()).isEqualTo(keep.id());
        assertThat(instance.stores.companies().findById(duplicate.id())).isEmpty();
    }
}
