package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.adapters.mongo.EmbeddedMongoServer;
import com.litedesk.adapters.mongo.MongoDatabaseProvisioner;
import com.litedesk.adapters.mongo.MongoInstanceRepositories;
import com.litedesk.adapters.sqlite.SqliteDatabaseProvisioner;
import com.litedesk.adapters.sqlite.SqliteFiles;
import com.litedesk.adapters.sqlite.SqliteSettings;
import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.store.Entity;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.Repository;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup format is portable: an instance used over HTTP on SQLite is backed up, restored into a MongoDB-backed
 * database, backed up from there and restored into a new SQLite file — every record of every collection arrives
 * unchanged at each hop, and the copy works as the instance did (sign-in, search, the audit chain).
 */
class PortableBackupTest {

    @TempDir
    Path dir;

    @Test
    void anInstanceMovesFromSqliteToMongoDbAndBackWithoutLosingARecord() throws Exception {
        Path data = dir.resolve("data");
        try (TestServer server = TestServer.onDisk(data, Map.of())) {
            fill(server);
        }
        try (var files = new SqliteFiles(SqliteSettings.defaults());
             var mongo = EmbeddedMongoServer.start(dir.resolve("mongo.mv"));
             var mongoDatabases = new MongoDatabaseProvisioner(mongo.connectionString())) {
            var sqlite = new SqliteDatabaseProvisioner(data, files);

            var fromSqlite = new ByteArrayOutputStream();
            long records = sqlite.dump("acme", fromSqlite);
            mongoDatabases.create("acme");
            assertThat(mongoDatabases.restore("acme", new ByteArrayInputStream(fromSqlite.toByteArray()))).isEqualTo(records);
            var fromMongo = new ByteArrayOutputStream();
            assertThat(mongoDatabases.dump("acme", fromMongo)).isEqualTo(records);
            sqlite.create("copy");
            assertThat(sqlite.restore("copy", new ByteArrayInputStream(fromMongo.toByteArray()))).isEqualTo(records);

            Map<String, List<Object>> original;
            try (var store = files.openInstance(SqliteDatabaseProvisioner.fileOf(data, "acme"))) {
                original = everything(store.repositories());
            }
            assertThat(original.values().stream().mapToLong(List::size).sum()).isEqualTo(records).isGreaterThan(40);
            assertThat(original.get("activities")).hasSize(1);
            assertThat(original.get("notifications")).hasSize(1);
            try (var onMongo = MongoInstanceRepositories.connect(mongo.connectionString(), MongoDatabaseProvisioner.databaseName("acme"))) {
                sameRecords(everything(onMongo.repositories()), original, "on MongoDB");
            }
            try (var store = files.openInstance(SqliteDatabaseProvisioner.fileOf(data, "copy"))) {
                sameRecords(everything(store.repositories()), original, "back on SQLite");
            }
        }
        try (TestServer copy = TestServer.onDisk(data, Map.of("LITEDESK_INSTANCE_ID", "copy"))) {
            String token = copy.ownerToken();
            assertThat(copy.get("/api/audit/verify", token).json().get("valid").asBoolean()).isTrue();
            assertThat(copy.get("/api/contacts?q=zoe%20ang", token).json().get("items"))
                    .extracting(c -> c.get("lastName").asText()).containsExactly("Ångström");
            assertThat(copy.get("/api/contacts?filter=" + java.net.URLEncoder.encode("tags[eq]:\"vip\"", java.nio.charset.StandardCharsets.UTF_8),
                    token).json().get("items")).hasSize(2);
            JsonNode board = copy.get("/api/deals/board", token).json();
            assertThat(board.toString()).contains("1234.56");
        }
    }

    /** Records of every kind the instance keeps, with every type of field. */
    private static void fill(TestServer server) {
        String owner = server.ownerToken();
        var settings = server.get("/api/settings", owner).json();
        var changed = server.patch("/api/settings", owner, Map.of("customFields", Map.of("CONTACT", List.of(
                Map.of("key", "score", "label", "Score", "type", "NUMBER", "required", false),
                Map.of("key", "vipSince", "label", "VIP since", "type", "DATE", "required", false)))), Map.of("If-Match", "\"" + settings.get("version").asLong() + "\""));
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        expectCreated(server.post("/api/contacts", owner, Map.of("firstName", "Probe", "lastName", "Probe")));
        String team = server.post("/api/teams", owner, Map.of("name", "North")).json().get("id").asText();
        server.post("/api/users", owner, Map.of("email", "mia@acme.test", "name", "Mia Manager", "role", "MANAGER", "teamId", team,
                "password", TestServer.PASSWORD));
        server.post("/api/users", owner, Map.of("email", "ivy@acme.test", "name", "Ivy Invited", "role", "USER"));
        String company = server.post("/api/companies", owner, Map.of("name", "Analytical Engines", "domain", "engines.example",
                "address", Map.of("city", "London", "country", "GB"))).json().get("id").asText();
        String ada = server.post("/api/contacts", owner, Map.of("firstName", "Ada", "lastName", "Lovelace",
                "emails", List.of("ada@engines.example", "countess@example.org"), "phones", List.of("+44 20 1234"), "companyId", company,
                "tags", List.of("vip", "founder"), "customFields", Map.of("score", 4.5, "vipSince", "1843-07-01"))).json().get("id").asText();
        server.post("/api/contacts", owner, Map.of("firstName", "Zoë", "lastName", "Ångström", "emails", List.of("zoe@lab.example"),
                "tags", List.of("vip")));
        for (int i = 0; i < 5; i++) {
            server.post("/api/contacts", owner, Map.of("firstName", "Person", "lastName", "Number" + i));
        }
        var deal = server.post("/api/deals", owner, Map.of("title", "Difference engine", "value", 1234.56, "currency", "GBP",
                "companyId", company, "contactIds", List.of(ada), "expectedCloseDate", "2027-03-31")).json();
        server.post("/api/deals/" + deal.get("id").asText() + "/move", owner, Map.of("stageId", "won", "position", 0));
        server.post("/api/tasks", owner, Map.of("title", "Send the notes", "dueDate", "2027-01-15", "priority", "HIGH",
                "linkedRecord", Map.of("type", "CONTACT", "id", ada)));
        server.post("/api/notes", owner, Map.of("text", "Wrote the first program.", "target", Map.of("type", "CONTACT", "id", ada)));
        expectCreated(server.post("/api/activities", owner, Map.of("type", "MEETING", "subject", "Notes on the engine", "body", "Translated Menabrea.",
                "occurredAt", "1843-07-10T14:00:00Z", "durationMinutes", 90, "outcome", "Agreed to publish",
                "linkedRecord", Map.of("type", "CONTACT", "id", ada))));
        server.post("/api/tasks", owner, Map.of("title", "Overdue already", "dueDate", "2020-01-15", "linkedRecord", Map.of("type", "CONTACT", "id", ada)));
        server.app.crm().reminders().sendDue(); // a notification for the Owner
        server.send("POST", "/api/contacts", owner, Map.of("firstName", "Idem", "lastName", "Potent"), Map.of("Idempotency-Key", "k-1"));
        server.login("mia@acme.test", TestServer.PASSWORD);
    }

    private static void sameRecords(Map<String, List<Object>> actual, Map<String, List<Object>> expected, String where) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((collection, records) -> {
            assertThat(actual.get(collection)).as("%s: how many %s", where, collection).hasSameSizeAs(records);
            for (int i = 0; i < records.size(); i++) {
                assertThat(actual.get(collection).get(i)).as("%s: %s", where, collection).isEqualTo(records.get(i));
            }
        });
    }

    private static void expectCreated(TestServer.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
    }

    /** Every record of every store, by collection, in id order. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Object>> everything(InstanceRepositories stores) throws Exception {
        Map<String, List<Object>> all = new LinkedHashMap<>();
        for (RecordComponent component : InstanceRepositories.class.getRecordComponents()) {
            Object store = component.getAccessor().invoke(stores);
            if (store instanceof Repository<?> repository) {
                List<Object> items = ((Repository<Entity>) repository).list(Query.all(100_000)).items().stream()
                        .sorted(Comparator.comparing(Entity::id)).map(e -> (Object) e).toList();
                all.put(component.getName(), items);
            }
        }
        return all;
    }
}
