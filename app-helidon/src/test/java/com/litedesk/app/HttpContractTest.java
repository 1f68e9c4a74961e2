package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.ports.identity.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §4 over real HTTP: lists, versions, idempotency, errors. */
class HttpContractTest {

    static TestServer server;
    static String owner;

    @BeforeAll
    static void start() {
        server = TestServer.inMemory(Map.of("LITEDESK_MAX_BODY_BYTES", "4096"));
        owner = server.ownerToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String createContact(String last, String email) {
        var a = server.post("/api/contacts", owner, Map.of("firstName", "Test", "lastName", last, "emails", email == null ? List.of() : List.of(email)));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asText();
    }

    private static long contactCount() {
        return server.app.repositories().contacts().count(List.of());
    }

    @Test
    void patchesWithoutIfMatchAllLandWhenTheyRace() throws Exception {
        var created = server.post("/api/contacts", owner, Map.of("firstName", "Race", "lastName", "Condition"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        int writers = 8;
        int each = 10;
        var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
        var threads = new java.util.ArrayList<Thread>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    statuses.add(server.patch("/api/contacts/" + id, owner, Map.of("title", "T" + writer + "-" + i), Map.of()).status());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(statuses).hasSize(writers * each).containsOnly(200);
        assertThat(server.get("/api/contacts/" + id, owner).json().get("version").asLong()).isEqualTo(1 + writers * each);
        var stale = server.patch("/api/contacts/" + id, owner, Map.of("title", "late"), Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void aCreatedRecordHasALocationAnEtagAndARequestId() {
        var a = server.post("/api/contacts", owner, Map.of("lastName", "Located"));
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.header("Location")).isEqualTo("/api/contacts/" + a.json().get("id").asText());
        assertThat(a.header("ETag")).isEqualTo("\"1\"");
        assertThat(a.header("X-Request-Id")).isNotBlank();
        assertThat(server.send("GET", "/health", null, null, Map.of("X-Request-Id", "trace-123")).header("X-Request-Id")).isEqualTo("trace-123");
    }

    @Test
    void cursorPagesWalkTheWholeListOnce() {
        for (int i = 0; i < 25; i++) {
            createContact("Paged" + i, null);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = server.get("/api/contacts?limit=7&filter=" + enc("lastName[prefix]:\"Paged\"") + (cursor == null ? "" : "&cursor=" + enc(cursor)), owner).json();
            page.get("items").forEach(c -> seen.add(c.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).hasSize(25);
        assertThat(new HashSet<>(seen)).hasSize(25);
        var sorted = server.get("/api/contacts?sort=-lastName&limit=3&q=paged", owner).json().get("items");
        assertThat(sorted.get(0).get("lastName").asText()).isEqualTo("Paged9");
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        String id = createContact("Versioned", null);
        var first = server.patch("/api/contacts/" + id, owner, Map.of("title", "CEO"), Map.of("If-Match", "\"1\""));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");
        var stale = server.patch("/api/contacts/" + id, owner, Map.of("title", "CTO"), Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(server.get("/api/contacts/" + id, owner).json().get("title").asText()).isEqualTo("CEO");
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstResultAndCreatesOnce() {
        long before = contactCount();
        Map<String, String> key = Map.of("Idempotency-Key", "create-once-1");
        var first = server.send("POST", "/api/contacts", owner, Map.of("lastName", "Once"), key);
        var second = server.send("POST", "/api/contacts", owner, Map.of("lastName", "Once"), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(second.header("Idempotent-Replay")).isEqualTo("true");
        assertThat(contactCount()).isEqualTo(before + 1);
        var reused = server.send("POST", "/api/contacts", owner, Map.of("lastName", "Different"), key);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(contactCount()).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|POST|/api/contacts|{\"lastName\":|400",
            "wrong type|POST|/api/contacts|{\"lastName\":42}|400",
            "unknown field|POST|/api/contacts|{\"lastName\":\"x\",\"isAdmin\":true}|400",
            "not an object|POST|/api/contacts|[1,2,3]|400",
            "operator object as a value|POST|/api/contacts|{\"lastName\":{\"$gt\":\"\"}}|400",
            "empty body|POST|/api/contacts||400",
            "invalid email|POST|/api/contacts|{\"lastName\":\"x\",\"emails\":[\"not-an-email\"]}|400",
            "unknown id|GET|/api/contacts/does-not-exist||404",
            "id that is too long|GET|/api/contacts/" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa||404",
            "invalid cursor|GET|/api/contacts?cursor=not-a-cursor||400",
            "huge limit|GET|/api/contacts?limit=100000||400",
            "negative limit|GET|/api/contacts?limit=-5||400",
            "limit that is not a number|GET|/api/contacts?limit=lots||400",
            "filter with an operator injection|GET|/api/contacts?filter=lastName%5B%24ne%5D%3A%22x%22||400",
            "filter on an unknown field|GET|/api/contacts?filter=%24where%5Beq%5D%3A%221%22||400",
            "filter with a regex operator|GET|/api/contacts?filter=lastName%5Bregex%5D%3A%22.*%22||400",
            "sort on an unknown field|GET|/api/contacts?sort=password||400",
            "unknown route|GET|/api/nothing-here||404",
            "wrong method|PUT|/api/contacts|{}|405",
            "bad If-Match|PATCH|/api/contacts/x|{}|404"})
    void badInputIsAProblemAndChangesNothing(String name, String method, String path, String body, int status) {
        long before = contactCount();
        var a = server.send(method, path, owner, body, Map.of());
        assertThat(a.status()).as(a.raw().body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode p = a.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).startsWith("https://");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at com.");
        if (status == 400 && !name.contains("cursor") && !name.contains("limit") && !name.contains("filter") && !name.contains("sort")) {
            assertThat(p.get("errors")).isNotEmpty();
        }
        assertThat(contactCount()).isEqualTo(before);
    }

    @Test
    void anOversizeBodyIs413() {
        long before = contactCount();
        var a = server.post("/api/contacts", owner, "{\"lastName\":\"" + "x".repeat(10_000) + "\"}");
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(contactCount()).isEqualTo(before);
    }

    @Test
    void aViewerWritesNothingAndEveryRefusalIsAudited() {
        String viewer = server.tokenFor("viewer@acme.test", Role.VIEWER, null);
        String id = createContact("Protected", null);
        long before = contactCount();
        assertThat(server.post("/api/contacts", viewer, Map.of("lastName", "Nope")).status()).isEqualTo(403);
        assertThat(server.patch("/api/contacts/" + id, viewer, Map.of("title", "Nope"), Map.of()).status()).isEqualTo(403);
        assertThat(server.delete("/api/contacts/" + id, viewer).status()).isEqualTo(403);
        assertThat(server.get("/api/contacts/" + id, viewer).status()).isEqualTo(200);
        assertThat(contactCount()).isEqualTo(before);
        var denied = server.get("/api/audit?filter=" + enc("outcome[eq]:\"DENIED\",actorId[eq]:\"" + me(viewer) + "\""), owner).json().get("items");
        assertThat(denied).hasSize(3);
        assertThat(server.get("/api/audit/verify", owner).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aUserCannotEditAnotherUsersDeal() {
        String alice = server.tokenFor("alice@acme.test", Role.USER, null);
        String bob = server.tokenFor("bob@acme.test", Role.USER, null);
        var deal = server.post("/api/deals", alice, Map.of("title", "Alice's deal", "value", 1000, "currency", "EUR")).json();
        String id = deal.get("id").asText();
        assertThat(server.patch("/api/deals/" + id, bob, Map.of("title", "Mine now"), Map.of()).status()).isEqualTo(403);
        assertThat(server.post("/api/deals/" + id + "/move", bob, Map.of("stageId", "won")).status()).isEqualTo(403);
        assertThat(server.patch("/api/deals/" + id, alice, Map.of("title", "Still mine"), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aMoveUpdatesTheBoardTotalsAndTheTimeline() {
        var deal = server.post("/api/deals", owner, Map.of("title", "Board deal", "value", 250.5, "currency", "USD", "stageId", "proposal")).json();
        var moved = server.post("/api/deals/" + deal.get("id").asText() + "/move", owner, Map.of("stageId", "negotiation", "position", 0));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("stageId").asText()).isEqualTo("negotiation");
        JsonNode board = server.get("/api/deals/board?pipelineId=sales", owner).json();
        JsonNode column = null;
        for (JsonNode c : board.get("columns")) {
            if (c.get("stage").get("id").asText().equals("negotiation")) {
                column = c;
            }
        }
        assertThat(column).isNotNull();
        assertThat(column.get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(column.get("totals").get("USD").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("250.5"));
        var timeline = server.get("/api/deals/" + deal.get("id").asText() + "/timeline", owner).json().get("items");
        assertThat(timeline.get(0).get("kind").asText()).isEqualTo("deal.move");
    }

    @Test
    void csvImportPreviewsThenUpsertsAndExportFollowsTheFilter() {
        String csv = "First Name,lastName,E-Mail,tags\nAda,Lovelace,ada@csv.example,vip\nGrace,Hopper,grace@csv.example,\nBad,,not-an-email,\n";
        long before = contactCount();
        var dry = server.raw("POST", "/api/contacts/import?dryRun=true&map=" + enc("First Name:firstName,E-Mail:email"), owner, csv, "text/csv", Map.of());
        assertThat(dry.status()).as(dry.raw().body()).isEqualTo(200);
        assertThat(dry.json().get("created").asLong()).isEqualTo(2);
        assertThat(dry.json().get("failed").asLong()).isEqualTo(1);
        assertThat(dry.json().get("errors").get(0).get("row").asLong()).isEqualTo(4);
        assertThat(contactCount()).isEqualTo(before);
        var real = server.raw("POST", "/api/contacts/import?map=" + enc("First Name:firstName,E-Mail:email"), owner, csv, "text/csv", Map.of());
        assertThat(real.json().get("created").asLong()).isEqualTo(2);
        assertThat(contactCount()).isEqualTo(before + 2);
        var again = server.raw("POST", "/api/contacts/import?map=" + enc("First Name:firstName,E-Mail:email"), owner, csv, "text/csv", Map.of());
        assertThat(again.json().get("updated").asLong()).isEqualTo(2);
        assertThat(contactCount()).isEqualTo(before + 2);

        var export = server.raw("GET", "/api/contacts/export?filter=" + enc("tags[eq]:\"vip\",emails[prefix]:\"ada@csv\""), owner, null, null, Map.of());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        String[] lines = export.raw().body().split("\r\n");
        assertThat(lines[0]).startsWith("id,firstName,lastName,emails");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("Lovelace");

        String user = server.tokenFor("exporter@acme.test", Role.USER, null);
        assertThat(server.raw("GET", "/api/contacts/export", user, null, null, Map.of()).status()).isEqualTo(403);
        assertThat(server.raw("POST", "/api/contacts/import", owner, "a,b\n\"unterminated", "text/csv", Map.of()).status()).isEqualTo(400);
        assertThat(server.raw("POST", "/api/contacts/import", owner, csv, "application/json", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void healthAndMetricsAnswer() {
        assertThat(server.get("/health", null).json().get("status").asText()).isEqualTo("UP");
        var status = server.get("/health/status", null).json();
        assertThat(status.get("database").get("state").asText()).isEqualTo("UP");
        var metrics = server.get("/api/metrics", owner).json();
        assertThat(metrics.get("requests").asLong()).isPositive();
        assertThat(metrics.has("p95LatencyMs")).isTrue();
        assertThat(metrics.get("contacts").asLong()).isEqualTo(contactCount());
    }

    private static String me(String token) {
        return server.get("/api/auth/me", token).json().get("id").asText();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
