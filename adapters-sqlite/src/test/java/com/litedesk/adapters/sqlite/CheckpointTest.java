package com.litedesk.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.ports.crm.Contact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log is copied back into the database as writes go on: it does not grow with every commit. */
class CheckpointTest {

    @TempDir
    Path dir;

    @Test
    void theLogStaysSmallWhileCommitsGoOn() throws Exception {
        Path db = dir.resolve("litedesk.db");
        try (SqliteFiles files = new SqliteFiles(SqliteSettings.defaults())) {
            var contacts = files.openInstance(db).repositories().contacts();
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            String padding = "x".repeat(3_000); // about a page of its own per record and its search entry
            long largest = 0;
            for (int i = 0; i < 600; i++) {
                contacts.insert(new Contact(String.format("c%05d", i), 1, "Grace", "Hopper" + i + padding, List.of(), List.of(), null, null,
                        List.of(), "o", null, Map.of(), t0, "x", t0, "x"));
                Path wal = dir.resolve("litedesk.db-wal");
                if (Files.exists(wal)) {
                    largest = Math.max(largest, Files.size(wal));
                }
            }
            assertThat(contacts.count(List.of())).isEqualTo(600);
            // 600 commits of a few pages each hold the log at about 50 MB without checkpoints
            assertThat(largest).isLessThan(8L * 1024 * 1024);
        }
    }
}
