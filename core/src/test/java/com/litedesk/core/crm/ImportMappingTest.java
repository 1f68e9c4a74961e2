package com.litedesk.core.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.core.TestInstance;
import com.litedesk.core.records.ImportReport;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.store.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Columns of files other tools export are matched to fields, the preview says which, and a person can change it. */
class ImportMappingTest {

    private final TestInstance instance = new TestInstance();

    private static Map<String, String> row(String... pairs) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private Contact only() {
        return instance.stores.contacts().list(Query.all(10)).items().getFirst();
    }

    @Test
    void commonHeadersOfOtherToolsAreRecognisedAndThePreviewSaysWhatEachColumnFills() {
        var rows = List.of(row("First Name", "Ada", "Surname", "Lovelace", "E-mail Address", "ada@engine.test",
                "Mobile Phone", "+44 20 7946 0000", "Job Title", "Countess", "Favourite colour", "green"));
        ImportReport preview = instance.crm.imports().importContacts(instance.owner, rows.iterator(), Map.of(), true);
        assertThat(preview.created()).isEqualTo(1);
        assertThat(preview.columns()).containsExactly(
                new ImportReport.Column("First Name", "firstname"), new ImportReport.Column("Surname", "lastname"),
                new ImportReport.Column("E-mail Address", "email"), new ImportReport.Column("Mobile Phone", "phone"),
                new ImportReport.Column("Job Title", "title"), new ImportReport.Column("Favourite colour", null));
        assertThat(instance.stores.contacts().count(List.of())).isZero();

        instance.crm.imports().importContacts(instance.owner, rows.iterator(), Map.of(), false);
        Contact ada = only();
        assertThat(ada.firstName()).isEqualTo("Ada");
        assertThat(ada.lastName()).isEqualTo("Lovelace");
        assertThat(ada.emails()).containsExactly("ada@engine.test");
        assertThat(ada.phones()).containsExactly("+44 20 7946 0000");
        assertThat(ada.title()).isEqualTo("Countess");
    }

    @Test
    void thePersonsMappingWinsAndAColumnTheyIgnoreFillsNothingEvenWhenItsNameIsAField() {
        var rows = List.of(row("Name", "Lovelace", "email", "ada@engine.test", "title", "Should not be kept"));
        ImportReport report = instance.crm.imports().importContacts(instance.owner, rows.iterator(),
                Map.of("Name", "lastName", "title", "ignored"), false);
        assertThat(report.failed()).isZero();
        assertThat(report.columns()).contains(new ImportReport.Column("Name", "lastname"), new ImportReport.Column("title", null));
        assertThat(only().lastName()).isEqualTo("Lovelace");
        assertThat(only().title()).isNull();
    }

    @Test
    void aRowMatchingAnExistingContactByEmailIsCountedAsAnUpdateInThePreview() {
        instance.crm.imports().importContacts(instance.owner, List.of(row("Last Name", "Lovelace", "Email", "ada@engine.test")).iterator(), Map.of(), false);
        ImportReport preview = instance.crm.imports().importContacts(instance.owner,
                List.of(row("Last Name", "Lovelace", "Email", "ADA@engine.test"), row("Last Name", "Babbage", "Email", "cb@engine.test")).iterator(),
                Map.of(), true);
        assertThat(preview.created()).isEqualTo(1);
        assertThat(preview.updated()).isEqualTo(1);
    }
}
