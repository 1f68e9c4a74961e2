package com.litedesk.core.crm.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.LiteDesk;
import com.litedesk.core.TestHasher;
import com.litedesk.core.TestInstance;
import com.litedesk.core.TestTokens;
import com.litedesk.core.access.Actor;
import com.litedesk.core.crm.companies.CompanyDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.deals.DealDraft;
import com.litedesk.core.crm.tasks.TaskDraft;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentRecordsTest {

    private final TestInstance instance = new TestInstance();
    private final LiteDesk crm = instance.crm;
    private final Actor user = instance.as(Role.USER);

    private void open(Actor actor, RecordType type, String id) {
        instance.clock.advance(Duration.ofSeconds(1));
        crm.recentRecords().opened(actor, new RecordRef(type, id));
    }

    private static List<String> titles(List<RecordSummary> recent) {
        return recent.stream().map(RecordSummary::title).toList();
    }

    private static void fails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void theRecordsAUserOpenedComeNewestFirstEachOnce() {
        String ada = crm.contacts().create(instance.owner, ContactDraft.named("Ada", "Lovelace", "ada@example.com")).id();
        String acme = crm.companies().create(instance.owner, CompanyDraft.named("Acme", "acme.test")).id();
        String deal = crm.deals().create(user, DealDraft.of("Big deal", new BigDecimal("500"), "USD")).id();
        open(user, RecordType.CONTACT, ada);
        open(user, RecordType.COMPANY, acme);
        open(user, RecordType.DEAL, deal);
        open(user, RecordType.CONTACT, ada);

        List<RecordSummary> recent = crm.recentRecords().of(user);
        assertThat(titles(recent)).containsExactly("Ada Lovelace", "Big deal", "Acme");
        assertThat(recent.get(1).value()).isEqualByComparingTo("500");
        assertThat(recent.get(2).detail()).isEqualTo("acme.test");
        assertThat(crm.recentRecords().of(instance.southUser)).isEmpty();
    }

    @Test
    void atMostTheTenNewestAreShown() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            String name = "Task " + i;
            open(instance.as(Role.VIEWER), RecordType.TASK, crm.tasks().create(instance.owner, TaskDraft.of(name, null)).id());
            names.addFirst(name);
        }
        assertThat(titles(crm.recentRecords().of(instance.as(Role.VIEWER)))).containsExactlyElementsOf(names.subList(0, RecentRecords.SHOWN));
    }

    @Test
    void onlyTheNewestViewsAreKept() {
        for (int i = 0; i < RecentRecords.KEPT + 6; i++) {
            open(user, RecordType.CONTACT, crm.contacts().create(user, ContactDraft.named("C", "N" + i, null)).id());
        }
        assertThat(instance.stores.recentViews().count(List.of())).isEqualTo(RecentRecords.KEPT);
    }

    @Test
    void aDeletedRecordDropsOutOfTheList() {
        String ada = crm.contacts().create(user, ContactDraft.named("Ada", "Lovelace", null)).id();
        String bob = crm.contacts().create(user, ContactDraft.named("Bob", "Brown", null)).id();
        open(user, RecordType.CONTACT, ada);
        open(user, RecordType.CONTACT, bob);
        crm.contacts().delete(user, bob, null);
        assertThat(titles(crm.recentRecords().of(user))).containsExactly("Ada Lovelace");
        assertThat(instance.stores.recentViews().count(List.of())).isEqualTo(1);
    }

    @Test
    void onlyExistingCrmRecordsCanBeOpened() {
        fails(() -> crm.recentRecords().opened(user, new RecordRef(RecordType.CONTACT, "nope")), ErrorCode.NOT_FOUND);
        fails(() -> crm.recentRecords().opened(user, new RecordRef(RecordType.USER, user.userId())), ErrorCode.VALIDATION);
        fails(() -> crm.recentRecords().opened(user, null), ErrorCode.VALIDATION);
        assertThat(crm.recentRecords().of(user)).isEmpty();
    }

    @Test
    void theListOutlivesARestart() {
        String acme = crm.companies().create(user, CompanyDraft.named("Acme", "acme.test")).id();
        open(user, RecordType.COMPANY, acme);
        LiteDesk restarted = LiteDesk.builder().repositories(instance.stores).passwordHasher(new TestHasher())
                .tokenService(new TestTokens("key-a", "litedesk:instance:a", instance.clock)).mailer(instance.mailer)
                .clock(instance.clock).build();
        assertThat(titles(restarted.recentRecords().of(user))).containsExactly("Acme");
    }
}
