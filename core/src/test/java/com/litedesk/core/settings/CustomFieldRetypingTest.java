package com.litedesk.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.CustomFieldDefinition;
import com.litedesk.ports.crm.CustomFieldType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A custom field's type changed after values were stored: they are converted, or the change is refused and nothing is written. */
class CustomFieldRetypingTest {

    private final TestInstance instance = new TestInstance();

    private void define(CustomFieldDefinition... fields) {
        var current = instance.crm.settings().current();
        instance.crm.settings().update(instance.owner, current.version(), new SettingsDraft(current.name(), Map.of("CONTACT", List.of(fields))));
    }

    private Contact contact(String last, Map<String, Object> custom) {
        return instance.crm.contacts().create(instance.owner, new ContactDraft("A", last, List.of(), List.of(), null, null, List.of(), null, custom));
    }

    private Object valueOf(Contact c, String key) {
        return instance.stores.contacts().findById(c.id()).orElseThrow().customFields().get(key);
    }

    @Test
    void textThatReadsAsNumbersBecomesNumbersAndTheRecordsStayEditable() {
        define(new CustomFieldDefinition("score", "Score", CustomFieldType.TEXT, List.of(), false));
        Contact a = contact("One", Map.of("score", "12.5"));
        Contact b = contact("Two", Map.of("score", " 7 "));
        Contact none = contact("Three", Map.of());
        define(new CustomFieldDefinition("score", "Score", CustomFieldType.NUMBER, List.of(), false));
        assertThat(valueOf(a, "score")).isEqualTo(new BigDecimal("12.5"));
        assertThat(valueOf(b, "score")).isEqualTo(new BigDecimal("7"));
        assertThat(valueOf(none, "score")).isNull();
        // an edit of another field goes through under the new type
        Contact edited = instance.crm.contacts().update(instance.owner, a.id(), null, d -> new ContactDraft(d.firstName(), d.lastName(), d.emails(),
                d.phones(), "Countess", d.companyId(), d.tags(), d.ownerId(), d.customFields()));
        assertThat(edited.title()).isEqualTo("Countess");
        assertThat(instance.crm.contacts().list(instance.owner, com.litedesk.core.listing.ListRequest.filtered("customFields.score[gt]:10"))
                .items()).extracting(Contact::id).containsExactly(a.id());

        define(new CustomFieldDefinition("score", "Score", CustomFieldType.TEXT, List.of(), false));
        assertThat(valueOf(a, "score")).isEqualTo("12.5");
    }

    @Test
    void aValueThatDoesNotConvertRefusesTheChangeAndNothingIsWritten() {
        define(new CustomFieldDefinition("score", "Score", CustomFieldType.TEXT, List.of(), false));
        Contact fine = contact("One", Map.of("score", "3"));
        contact("Two", Map.of("score", "high"));
        contact("Three", Map.of("score", "very high"));
        long version = instance.crm.settings().current().version();
        assertThatThrownBy(() -> define(new CustomFieldDefinition("score", "Score", CustomFieldType.NUMBER, List.of(), false)))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("2 contacts hold a Score that is not a number (such as 'high')");
                });
        assertThat(instance.crm.settings().current().version()).isEqualTo(version);
        assertThat(valueOf(fine, "score")).isEqualTo("3");
    }

    @Test
    void aSelectLosingAnOptionInUseIsRefusedAndTextBecomesAnOptionWhateverItsCase() {
        define(new CustomFieldDefinition("tier", "Tier", CustomFieldType.SELECT, List.of("Gold", "Silver"), false));
        contact("Gold", Map.of("tier", "Gold"));
        assertThatThrownBy(() -> define(new CustomFieldDefinition("tier", "Tier", CustomFieldType.SELECT, List.of("Silver"), false)))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.getMessage())
                        .contains("1 contact holds a Tier that is not one of [Silver] (such as 'Gold')"));
        define(new CustomFieldDefinition("tier", "Tier", CustomFieldType.SELECT, List.of("Gold", "Silver", "Bronze"), false));

        define(new CustomFieldDefinition("vip", "VIP", CustomFieldType.TEXT, List.of(), false));
        Contact yes = contact("Yes", Map.of("vip", "yes"));
        define(new CustomFieldDefinition("vip", "VIP", CustomFieldType.BOOL, List.of(), false));
        assertThat(valueOf(yes, "vip")).isEqualTo(Boolean.TRUE);
        define(new CustomFieldDefinition("vip", "VIP", CustomFieldType.SELECT, List.of("TRUE", "FALSE"), false));
        assertThat(valueOf(yes, "vip")).isEqualTo("TRUE");
    }
}
