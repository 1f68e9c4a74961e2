package com.litedesk.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relevance on SQLite when a search matches more records than it ranks. */
class SqliteSearchTest {

    @TempDir
    Path dir;

    private static Contact named(String id, String first, String last) {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        return new Contact(id, 1, first, last, List.of(), List.of(), null, null, List.of(), "o", null, Map.of(), t0, "x", t0, "x");
    }

    @Test
    void aWholeWordMatchComesFirstAmongThousandsOfPrefixMatchesAndCountsSeeThemAll() {
        try (SqliteFiles files = new SqliteFiles(SqliteSettings.defaults())) {
            var contacts = files.openInstance(dir.resolve("litedesk.db")).repositories().contacts();
            List<Contact> many = new ArrayList<>();
            for (int i = 0; i < SqlQuery.RANKED + 500; i++) {
                many.add(named(String.format("c%05d", i), "Grace", "Hopper" + i));
            }
            contacts.insertAll(many);
            contacts.insert(named("z-last", "Ada", "Hopp")); // the newest row: outside the first window of prefix matches
            var first = contacts.list(new Query(List.of(new Condition.Matches("hopp")), List.of(SortKey.relevance()), null, 10)).items();
            assertThat(first.getFirst().id()).isEqualTo("z-last");
            assertThat(contacts.count(List.of(new Condition.Matches("hopp")))).isEqualTo(SqlQuery.RANKED + 501);
            assertThat(contacts.list(new Query(List.of(new Condition.Matches("hopper" + (SqlQuery.RANKED + 499))), List.of(SortKey.relevance()), null, 10)).items())
                    .extracting(Contact::id).containsExactly(String.format("c%05d", SqlQuery.RANKED + 499));
        }
    }
}
