package com.litedesk.core.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.transfer.ExportSink;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.records.ImportReport;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Role;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ImportExportTest {

    private final TestInstance instance = new TestInstance();

    private ImportReport importContacts(boolean dryRun, List<Map<String, String>> rows) {
        return instance.crm.imports().importContacts(instance.owner, rows.iterator(), Map.of("E-Mail", "email"), dryRun);
    }

    private long contacts() {
        return instance.stores.contacts().count(List.of());
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() {
        instance.crm.contacts().create(instance.owner, ContactDraft.named("Ada", "Lovelace", "ada@example.com"));
        long auditBefore = instance.stores.audit().last().orElseThrow().seq();
        ImportReport report = importContacts(true, List.of(
                Map.of("First Name", "x", "lastName", "Lovelace", "E-Mail", "ADA@example.com"),
                Map.of("lastName", "Hopper", "E-Mail", "grace@example.com"),
                Map.of("lastName", "", "E-Mail", "not-an-email")));
        assertThat(report.dryRun()).isTrue();
        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsOnly(4L);
        assertThat(report.errors()).extracting(ImportReport.RowError::field).contains("lastName", "emails");
        assertThat(contacts()).isEqualTo(1);
        assertThat(instance.stores.audit().last().orElseThrow().seq()).isEqualTo(auditBefore);
    }

    @Test
    void aBatchRefusedBecauseAKeyWasTakenMeanwhileReportsExactlyThatRowAndKeepsTheRest() {
        Iterator<Map<String, String>> rows = new Iterator<>() {
            int next = 1;

            @Override
            public boolean hasNext() {
                return next <= 10;
            }

            @Override
            public Map<String, String> next() {
                if (next == 10) { // someone else creates the third row's contact while the batch is still pending
                    instance.crm.contacts().create(instance.owner, ContactDraft.named("Racing", "Writer", "p3@example.com"));
                }
                int n = next++;
                return Map.of("lastName", "Person " + n, "E-Mail", "p" + n + "@example.com");
            }
        };
        ImportReport report = instance.crm.imports().importContacts(instance.owner, rows, Map.of("E-Mail", "email"), false);

        assertThat(report.created()).isEqualTo(9);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(4L);
        assertThat(contacts()).isEqualTo(10);
        assertThat(instance.stores.contacts().findByPrimaryEmail("p3@example.com").orElseThrow().lastName()).isEqualTo("Writer");
        assertThat(instance.stores.contacts().findByPrimaryEmail("p10@example.com")).isPresent();
    }

    @Test
    void anImportUpsertsByEmailIncludingRepeatsWithinTheFile() {
        instance.crm.contacts().create(instance.owner, ContactDraft.named("Ada", "Lovelace", "ada@example.com"));
        ImportReport report = importContacts(false, List.of(
                Map.of("lastName", "Lovelace", "title", "Countess", "E-Mail", "Ada@Example.com"),
                Map.of("lastName", "Hopper", "E-Mail", "grace@example.com", "tags", "navy;cobol"),
                Map.of("lastName", "Hopper", "title", "Rear Admiral", "E-Mail", "grace@example.com")));
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(2);
        assertThat(contacts()).isEqualTo(2);
        var grace = instance.stores.contacts().findByPrimaryEmail("grace@example.com").orElseThrow();
        assertThat(grace.title()).isEqualTo("Rear Admiral");
        assertThat(grace.tags()).containsExactly("navy", "cobol");
        assertThat(instance.stores.contacts().findByPrimaryEmail("ada@example.com").orElseThrow().title()).isEqualTo("Countess");
    }

    @Test
    void fiftyThousandRowsStreamThroughWithoutBeingHeld() {
        Iterator<Map<String, String>> rows = new Iterator<>() {
            int i = 0;

            @Override
            public boolean hasNext() {
                return i < 50_000;
            }

            @Override
            public Map<String, String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                i++;
                return Map.of("firstName", "F" + i, "lastName", "L" + i, "email", "p" + i + "@bulk.example");
            }
        };
        ImportReport report = instance.crm.imports().importContacts(instance.owner, rows, Map.of(), false);
        assertThat(report.created()).isEqualTo(50_000);
        assertThat(report.failed()).isZero();
        assertThat(contacts()).isEqualTo(50_000);
    }

    @Test
    void anExportFollowsTheFilterAndNeutralisesFormulas() {
        instance.crm.contacts().create(instance.owner, new ContactDraft("=HYPERLINK(\"x\")", "Evil", List.of(), List.of(), null, null,
                List.of("vip"), null, Map.of()));
        instance.crm.contacts().create(instance.owner, ContactDraft.named("Plain", "Person", null));
        List<List<String>> out = new ArrayList<>();
        instance.crm.exports().export(instance.as(Role.MANAGER), RecordType.CONTACT, ListRequest.filtered("tags[eq]:\"vip\""), new ExportSink() {
            @Override
            public void header(List<String> columns) {
                out.add(columns);
            }

            @Override
            public void row(List<String> values) {
                out.add(values);
            }
        });
        assertThat(out).hasSize(2);
        assertThat(out.get(1).get(1)).isEqualTo("'=HYPERLINK(\"x\")");
    }
}
