package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.ports.identity.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/search and the recent records over HTTP, on the SQLite store and its text index. */
class GlobalSearchApiTest {

    @TempDir
    Path data;

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String created(TestServer.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json().get("id").asText();
    }

    private static List<String> kinds(JsonNode results) {
        List<String> kinds = new ArrayList<>();
        results.get("groups").forEach(g -> kinds.add(g.get("kind").asText()));
        return kinds;
    }

    private static List<String> titles(JsonNode items) {
        return values(items, "title");
    }

    private static List<String> values(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(i -> values.add(i.get(field).asText()));
        return values;
    }

    private static JsonNode group(JsonNode results, String kind) {
        for (JsonNode g : results.get("groups")) {
            if (g.get("kind").asText().equals(kind)) {
                return g.get("hits");
            }
        }
        throw new AssertionError("no " + kind + " in " + results);
    }

    private static void problem(TestServer.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void oneSearchFindsEveryKindRankedAndEachUserKeepsTheirRecentRecordsAcrossARestart() {
        String userToken;
        String adaId;
        try (TestServer server = TestServer.onDisk(data, Map.of())) {
            String owner = server.ownerToken();
            userToken = server.tokenFor("user@acme.test", Role.USER, null);
            String otherUser = server.tokenFor("user2@acme.test", Role.USER, null);
            String viewer = server.tokenFor("viewer@acme.test", Role.VIEWER, null);
            String acme = created(server.post("/api/companies", owner, Map.of("name", "Adastra Labs", "domain", "adastra.test")));
            adaId = created(server.post("/api/contacts", otherUser, Map.of("firstName", "Ada", "lastName", "Lovelace",
                    "emails", List.of("ada@analytical.test"), "companyId", acme)));
            String dealId = created(server.post("/api/deals", otherUser, Map.of("title", "Adastra renewal", "value", 12000, "currency", "EUR",
                    "companyId", acme)));
            created(server.post("/api/tasks", otherUser, Map.of("title", "Call Ada back", "dueDate", "2026-03-05",
                    "linkedRecord", Map.of("type", "CONTACT", "id", adaId))));
            created(server.post("/api/notes", owner, Map.of("text", "Ada asked for a quote\nmore", "target", Map.of("type", "COMPANY", "id", acme))));

            TestServer.Answer found = server.get("/api/search?q=ada", userToken);
            assertThat(found.status()).as(found.raw().body()).isEqualTo(200);
            assertThat(kinds(found.json())).containsExactly("CONTACT", "TASK", "NOTE", "COMPANY", "DEAL");
            assertThat(group(found.json(), "CONTACT").get(0).get("title").asText()).isEqualTo("Ada Lovelace");
            assertThat(group(found.json(), "CONTACT").get(0).get("detail").asText()).isEqualTo("ada@analytical.test");
            assertThat(group(found.json(), "DEAL").get(0).get("value").decimalValue()).isEqualByComparingTo("12000");
            assertThat(group(found.json(), "TASK").get(0).get("dueDate").asText()).isEqualTo("2026-03-05");
            assertThat(group(found.json(), "NOTE").get(0).get("title").asText()).isEqualTo("Ada asked for a quote");
            // scoped as the lists are: what a User or a Viewer finds of a kind is what their list of it finds
            for (String token : List.of(userToken, viewer)) {
                JsonNode listed = server.get("/api/contacts?q=ada&limit=5", token).json().get("items");
                assertThat(values(group(server.get("/api/search?q=ada", token).json(), "CONTACT"), "id")).isEqualTo(values(listed, "id"));
            }
            assertThat(server.get("/api/search?q=ada&limit=1", viewer).json().get("groups").get(0).get("hits")).hasSize(1);
            assertThat(server.get("/api/search?q=a", userToken).json().get("groups")).isEmpty();

            problem(server.get("/api/search?q=" + q("ada\u0000"), userToken), 400);
            problem(server.get("/api/search?q=" + "a".repeat(1000), userToken), 400);
            problem(server.get("/api/search?q=ada&limit=21", userToken), 400);
            problem(server.get("/api/search?q=ada&limit=x", userToken), 400);
            problem(server.get("/api/search?q=ada", null), 401);
            problem(server.get("/api/recent", null), 401);
            problem(server.post("/api/recent", null, Map.of("type", "CONTACT", "id", adaId)), 401);

            assertThat(server.get("/api/recent", userToken).json().get("items")).isEmpty();
            assertThat(server.post("/api/recent", userToken, Map.of("type", "DEAL", "id", dealId)).status()).isEqualTo(204);
            assertThat(server.post("/api/recent", userToken, Map.of("type", "CONTACT", "id", adaId)).status()).isEqualTo(204);
            assertThat(server.post("/api/recent", userToken, Map.of("type", "COMPANY", "id", acme)).status()).isEqualTo(204);
            assertThat(server.post("/api/recent", userToken, Map.of("type", "CONTACT", "id", adaId)).status()).isEqualTo(204);
            problem(server.post("/api/recent", userToken, Map.of("type", "CONTACT", "id", "no-such-contact")), 404);
            problem(server.post("/api/recent", userToken, Map.of("type", "USER", "id", adaId)), 400);
            problem(server.post("/api/recent", userToken, Map.of("type", "CONTACT")), 400);
            problem(server.post("/api/recent", userToken, "{\"type\":"), 400);
            assertThat(titles(server.get("/api/recent", userToken).json().get("items")))
                    .containsExactly("Ada Lovelace", "Adastra Labs", "Adastra renewal");
            assertThat(server.get("/api/recent", viewer).json().get("items")).isEmpty();

            assertThat(server.delete("/api/deals/" + dealId, otherUser).status()).isEqualTo(204);
            assertThat(titles(server.get("/api/recent", userToken).json().get("items"))).containsExactly("Ada Lovelace", "Adastra Labs");
        }
        try (TestServer restarted = TestServer.onDisk(data, Map.of())) {
            String token = restarted.login("user@acme.test", TestServer.PASSWORD);
            assertThat(titles(restarted.get("/api/recent", token).json().get("items"))).containsExactly("Ada Lovelace", "Adastra Labs");
            assertThat(kinds(restarted.get("/api/search?q=lovelace", token).json())).containsExactly("CONTACT");
        }
    }
}
