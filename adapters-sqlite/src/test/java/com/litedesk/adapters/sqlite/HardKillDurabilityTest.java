package com.litedesk.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process killed with SIGKILL while eight threads write loses no write it acknowledged, round after round, and
 * leaves a file that passes SQLite's integrity check with its indexes and search index in step with the records.
 */
class HardKillDurabilityTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "synchronous={0}")
    @ValueSource(strings = {"FULL", "NORMAL"})
    void everyAcknowledgedWriteSurvivesSigkill(String synchronous) throws Exception {
        Path file = dir.resolve(synchronous + "/litedesk.db");
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            acknowledged.putAll(writeUntilKilled(file, "r" + round, synchronous, 300 + round * 150));
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                 var rs = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (SqliteFiles files = new SqliteFiles(SqliteSettings.defaults())) {
                var contacts = files.openInstance(file).repositories().contacts();
                acknowledged.forEach((id, version) -> {
                    Contact c = contacts.findById(id).orElse(null);
                    assertThat(c).as("acknowledged %s", id).isNotNull();
                    assertThat(c.version()).as("version of %s", id).isGreaterThanOrEqualTo(version);
                });
                long stored = contacts.count(List.of());
                assertThat(contacts.count(List.of(new Condition.Matches("durable")))).isEqualTo(stored);
                assertThat(contacts.count(List.of(Condition.eq("tags", "t0")))
                        + contacts.count(List.of(Condition.eq("tags", "t1")))
                        + contacts.count(List.of(Condition.eq("tags", "t2")))).isEqualTo(stored);
                String some = acknowledged.keySet().iterator().next();
                assertThat(contacts.list(Query.where(List.of(new Condition.Matches(some.replace('-', ' '))), 5)).items())
                        .extracting(Contact::id).contains(some);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(1000);
    }

    private Map<String, Long> writeUntilKilled(Path file, String prefix, String synchronous, int acks) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DurabilityWriter.class.getName(),
                file.toString(), prefix, synchronous).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, Long> seen = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (seen.size() < acks && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    seen.put(parts[1], Long.parseLong(parts[2]));
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, writes in flight
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(seen).as("the writer acknowledged writes before it was killed").hasSize(acks);
        return seen;
    }
}
