package com.litedesk.core.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.companies.CompanyDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.deals.DealDraft;
import com.litedesk.core.crm.notes.NoteDraft;
import com.litedesk.core.crm.pipelines.PipelineDraft;
import com.litedesk.core.crm.pipelines.StageDraft;
import com.litedesk.core.crm.tasks.TaskDraft;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Address;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.StageKind;
import com.litedesk.ports.crm.Task;
import com.litedesk.ports.identity.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A delete can be undone: the record comes back as it was, under its id, linked again to what points at it. */
class RestoreTest {

    private final TestInstance instance = new TestInstance();

    private static void fails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aDeletedContactComesBackAsItWasUnderItsIdAndWhatPointedAtItFindsItAgain() {
        var settings = instance.crm.settings().current();
        instance.crm.settings().update(instance.owner, settings.version(), new com.litedesk.core.settings.SettingsDraft("Acme",
                Map.of("CONTACT", List.of(new com.litedesk.ports.crm.CustomFieldDefinition("score", "Score",
                        com.litedesk.ports.crm.CustomFieldType.NUMBER, List.of(), false)))));
        Contact ada = instance.crm.contacts().create(instance.owner, new ContactDraft("Ada", "Lovelace",
                List.of("ada@engine.test", "countess@engine.test"), List.of("+44 1"), "Countess", null, List.of("vip", "math"), null,
                Map.of("score", new BigDecimal("4.5"))));
        Deal deal = instance.crm.deals().create(instance.owner, new DealDraft("Engine", new BigDecimal("12500.50"), "EUR", null, null,
                LocalDate.parse("2026-05-01"), List.of(ada.id()), null, null, Map.of()));
        RecordRef ref = new RecordRef(RecordType.CONTACT, ada.id());
        instance.crm.notes().create(instance.owner, new NoteDraft("Met at the Royal Society", ref, null));

        instance.crm.contacts().delete(instance.owner, ada.id(), ada.version());
        fails(() -> instance.crm.contacts().get(instance.owner, ada.id()), ErrorCode.NOT_FOUND);
        instance.clock.advance(Duration.ofMinutes(5));

        Contact back = instance.crm.contacts().restore(instance.owner, ada.id());
        assertThat(back).usingRecursiveComparison().ignoringFields("version", "updatedAt").isEqualTo(ada);
        assertThat(back.version()).isEqualTo(ada.version() + 1);
        assertThat(back.updatedAt()).isEqualTo(ada.updatedAt().plus(Duration.ofMinutes(5)));
        assertThat(instance.crm.contacts().get(instance.owner, ada.id())).isEqualTo(back);
        assertThat(instance.stores.deals().findById(deal.id()).orElseThrow().contactIds()).containsExactly(ada.id());
        assertThat(instance.crm.timeline().of(instance.owner, RecordType.CONTACT, ada.id(), 50)).extracting(t -> t.summary())
                .contains("restored", "deleted", "Met at the Royal Society");
        // once back, there is nothing left to restore
        fails(() -> instance.crm.contacts().restore(instance.owner, ada.id()), ErrorCode.NOT_FOUND);
        assertThat(instance.stores.deletedRecords().findById(ada.id())).isEmpty();
    }

    @Test
    void everyKindOfRecordComesBackWithItsNestedAndTypedFields() {
        Company acme = instance.crm.companies().create(instance.owner, new CompanyDraft("Acme", "acme.test", "Rockets", "51-200",
                new Address("1 Road Runner Way", "Phoenix", "AZ", "85001", "US"), null, Map.of()));
        Deal won = instance.crm.deals().create(instance.owner, new DealDraft("Anvils", new BigDecimal("99.99"), "USD", null, null,
                null, List.of(), acme.id(), null, Map.of()));
        Task task = instance.crm.tasks().create(instance.owner, new TaskDraft("Call back", "About anvils", LocalDate.parse("2026-04-01"), null,
                null, null, new RecordRef(RecordType.COMPANY, acme.id()), null));
        instance.crm.companies().delete(instance.owner, acme.id(), null);
        instance.crm.deals().delete(instance.owner, won.id(), null);
        instance.crm.tasks().delete(instance.owner, task.id(), null);
        assertThat(instance.crm.companies().restore(instance.owner, acme.id())).usingRecursiveComparison()
                .ignoringFields("version", "updatedAt").isEqualTo(acme);
        assertThat(instance.crm.deals().restore(instance.owner, won.id())).usingRecursiveComparison()
                .ignoringFields("version", "updatedAt").isEqualTo(won);
        assertThat(instance.crm.tasks().restore(instance.owner, task.id())).usingRecursiveComparison()
                .ignoringFields("version", "updatedAt").isEqualTo(task);
        // the id of one kind is not restored as another
        instance.crm.tasks().delete(instance.owner, task.id(), null);
        fails(() -> instance.crm.contacts().restore(instance.owner, task.id()), ErrorCode.NOT_FOUND);
        fails(() -> instance.crm.contacts().restore(instance.owner, "x".repeat(65)), ErrorCode.NOT_FOUND);
    }

    @Test
    void onlyWhoMayDeleteTheRecordBringsItBackAndARefusalChangesNothing() {
        var user = instance.as(Role.USER);
        Contact theirs = instance.crm.contacts().create(instance.owner, ContactDraft.named("Grace", "Hopper", "grace@navy.test"));
        instance.crm.contacts().delete(instance.owner, theirs.id(), null);
        fails(() -> instance.crm.contacts().restore(user, theirs.id()), ErrorCode.FORBIDDEN);
        fails(() -> instance.crm.contacts().restore(instance.as(Role.VIEWER), theirs.id()), ErrorCode.FORBIDDEN);
        assertThat(instance.stores.contacts().findById(theirs.id())).isEmpty();
        assertThat(instance.stores.deletedRecords().findById(theirs.id())).isPresent();

        Contact mine = instance.crm.contacts().create(user, ContactDraft.named("Ada", "Lovelace", "ada@engine.test"));
        instance.crm.contacts().delete(user, mine.id(), null);
        assertThat(instance.crm.contacts().restore(user, mine.id()).id()).isEqualTo(mine.id());
    }

    @Test
    void theRulesOfANewRecordStillHoldWhenOneComesBack() {
        Contact ada = instance.crm.contacts().create(instance.owner, ContactDraft.named("Ada", "Lovelace", "ada@engine.test"));
        instance.crm.contacts().delete(instance.owner, ada.id(), null);
        Contact other = instance.crm.contacts().create(instance.owner, ContactDraft.named("Ada", "King", "ada@engine.test"));
        fails(() -> instance.crm.contacts().restore(instance.owner, ada.id()), ErrorCode.CONFLICT);
        instance.crm.contacts().delete(instance.owner, other.id(), null);
        assertThat(instance.crm.contacts().restore(instance.owner, ada.id()).emails()).containsExactly("ada@engine.test");

        var pipeline = instance.crm.pipelines().create(instance.owner, new PipelineDraft("Partners",
                List.of(new StageDraft(null, "Talk", 10, StageKind.OPEN), new StageDraft(null, "Won", 100, StageKind.WON),
                        new StageDraft(null, "Lost", 0, StageKind.LOST))));
        Deal deal = instance.crm.deals().create(instance.owner, new DealDraft("Reseller", BigDecimal.ONE, "EUR", pipeline.id(), null,
                null, List.of(), null, null, Map.of()));
        instance.crm.deals().delete(instance.owner, deal.id(), null);
        instance.crm.pipelines().delete(instance.owner, pipeline.id(), null);
        fails(() -> instance.crm.deals().restore(instance.owner, deal.id()), ErrorCode.CONFLICT);
        assertThat(instance.stores.deals().findById(deal.id())).isEmpty();
    }

    @Test
    void deletedRecordsAreKeptThirtyDaysThenLetGo() {
        Contact old = instance.crm.contacts().create(instance.owner, ContactDraft.named("Old", "Timer", "old@engine.test"));
        instance.crm.contacts().delete(instance.owner, old.id(), null);
        instance.clock.advance(Duration.ofDays(29));
        Contact recent = instance.crm.contacts().create(instance.owner, ContactDraft.named("New", "Comer", "new@engine.test"));
        instance.crm.contacts().delete(instance.owner, recent.id(), null);
        assertThat(instance.stores.deletedRecords().findById(old.id())).isPresent();
        instance.clock.advance(Duration.ofDays(2));
        // past keeping, it cannot come back even before a later delete lets it go
        fails(() -> instance.crm.contacts().restore(instance.owner, old.id()), ErrorCode.NOT_FOUND);
        Contact third = instance.crm.contacts().create(instance.owner, ContactDraft.named("Third", "One", "third@engine.test"));
        instance.crm.contacts().delete(instance.owner, third.id(), null);
        assertThat(instance.stores.deletedRecords().findById(old.id())).isEmpty();
        fails(() -> instance.crm.contacts().restore(instance.owner, old.id()), ErrorCode.NOT_FOUND);
        assertThat(instance.crm.contacts().restore(instance.owner, recent.id()).id()).isEqualTo(recent.id());
    }
}
