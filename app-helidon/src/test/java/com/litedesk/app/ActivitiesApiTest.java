package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.ports.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Calls, meetings and emails over HTTP: logged, listed by record, read, changed with If-Match, deleted; refusals audited. */
class ActivitiesApiTest {

    static TestServer server;
    static String owner;
    static String ada;

    @BeforeAll
    static void start() {
        server = TestServer.inMemory(Map.of());
        owner = server.ownerToken();
        ada = server.post("/api/contacts", owner, Map.of("firstName", "Ada", "lastName", "Lovelace")).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> call(String subject, String contactId) {
        return Map.of("type", "CALL", "subject", subject, "durationMinutes", 15, "outcome", "Left a voicemail",
                "occurredAt", "2026-03-01T09:30:00Z", "linkedRecord", Map.of("type", "CONTACT", "id", contactId));
    }

    private static long activityCount() {
        return server.app.repositories().activities().count(List.of());
    }

    @Test
    void aCallIsLoggedListedByItsRecordChangedWithIfMatchAndDeleted() {
        var created = server.post("/api/activities", owner, call("Pricing follow-up", ada));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode activity = created.json();
        String id = activity.get("id").asText();
        assertThat(activity.get("ownerId").asText()).isEqualTo(me(owner));
        assertThat(activity.get("occurredAt").asText()).isEqualTo("2026-03-01T09:30:00Z");

        String other = server.post("/api/contacts", owner, Map.of("firstName", "Grace", "lastName", "Hopper")).json().get("id").asText();
        server.post("/api/activities", owner, call("Someone else", other));
        var listed = server.get("/api/activities?filter=" + HttpContractTest.enc("linkedRecord.id[eq]:\"" + ada + "\"") + "&sort=-occurredAt",
                owner).json().get("items");
        assertThat(subjects(listed)).contains("Pricing follow-up").doesNotContain("Someone else");
        assertThat(server.get("/api/activities/" + id, owner).json().get("subject").asText()).isEqualTo("Pricing follow-up");

        var changed = server.patch("/api/activities/" + id, owner, Map.of("outcome", "Reached her", "durationMinutes", 20),
                Map.of("If-Match", "\"1\""));
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.json().get("outcome").asText()).isEqualTo("Reached her");
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(server.patch("/api/activities/" + id, owner, Map.of("outcome", "late"), Map.of("If-Match", "\"1\"")).status())
                .isEqualTo(412);

        var timeline = server.get("/api/contacts/" + ada + "/timeline", owner).json().get("items");
        JsonNode item = null;
        for (JsonNode i : timeline) {
            if (i.get("kind").asText().equals("ACTIVITY") && i.get("refId").asText().equals(id)) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("summary").asText()).isEqualTo("Call with Ada Lovelace — 20 min — Reached her");
        assertThat(item.get("details").get("subject").asText()).isEqualTo("Pricing follow-up");

        assertThat(server.send("DELETE", "/api/activities/" + id, owner, null, Map.of("If-Match", "\"2\"")).status()).isEqualTo(204);
        assertThat(server.get("/api/activities/" + id, owner).status()).isEqualTo(404);
    }

    @Test
    void badActivitiesAreProblemsThatChangeNothing() {
        long before = activityCount();
        var blank = server.post("/api/activities", owner, Map.of("type", "EMAIL", "subject", " ", "durationMinutes", 5,
                "linkedRecord", Map.of("type", "CONTACT", "id", "missing")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.header("Content-Type")).isEqualTo("application/problem+json");
        List<String> fields = new ArrayList<>();
        blank.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("subject", "durationMinutes", "linkedRecord.id");
        var badType = server.post("/api/activities", owner, Map.of("type", "FAX", "subject", "x", "linkedRecord", Map.of("type", "CONTACT", "id", ada)));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.header("Content-Type")).isEqualTo("application/problem+json");
        var badDate = server.post("/api/activities", owner, Map.of("type", "CALL", "subject", "x", "occurredAt", "yesterday",
                "linkedRecord", Map.of("type", "CONTACT", "id", ada)));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(activityCount()).isEqualTo(before);
    }

    @Test
    void aViewerReadsButLogsChangesAndDeletesNothingAndEachRefusalIsAudited() {
        String viewer = server.tokenFor("viewer@acme.test", Role.VIEWER, null);
        String id = server.post("/api/activities", owner, call("Owner's call", ada)).json().get("id").asText();
        long before = activityCount();
        var refused = server.post("/api/activities", viewer, call("Viewer's call", ada));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(server.patch("/api/activities/" + id, viewer, Map.of("subject", "Nope"), Map.of()).status()).isEqualTo(403);
        assertThat(server.delete("/api/activities/" + id, viewer).status()).isEqualTo(403);
        assertThat(server.get("/api/activities/" + id, viewer).status()).isEqualTo(200);
        assertThat(activityCount()).isEqualTo(before);
        var denied = server.get("/api/audit?filter=" + HttpContractTest.enc("outcome[eq]:\"DENIED\",actorId[eq]:\"" + me(viewer) + "\""),
                owner).json().get("items");
        List<String> actions = new ArrayList<>();
        denied.forEach(d -> actions.add(d.get("action").asText()));
        assertThat(actions).containsExactlyInAnyOrder("activities.create", "activities.edit", "activities.delete");
        var permissions = server.get("/api/auth/me/permissions", viewer).json().get("permissions");
        List<String> granted = new ArrayList<>();
        permissions.forEach(p -> {
            if (p.get("resource").asText().equals("ACTIVITIES") && !p.get("scope").asText().equals("NONE")) {
                granted.add(p.get("action").asText());
            }
        });
        assertThat(granted).containsExactly("READ");
    }

    @Test
    void aUserChangesOnlyTheActivitiesTheyLogged() {
        String alice = server.tokenFor("alice@acme.test", Role.USER, null);
        String bob = server.tokenFor("bob@acme.test", Role.USER, null);
        String id = server.post("/api/activities", alice, call("Alice's call", ada)).json().get("id").asText();
        assertThat(server.patch("/api/activities/" + id, bob, Map.of("subject", "Mine now"), Map.of()).status()).isEqualTo(403);
        assertThat(server.delete("/api/activities/" + id, bob).status()).isEqualTo(403);
        assertThat(server.patch("/api/activities/" + id, alice, Map.of("subject", "Still mine"), Map.of()).status()).isEqualTo(200);
    }

    private static List<String> subjects(JsonNode items) {
        List<String> subjects = new ArrayList<>();
        items.forEach(i -> subjects.add(i.get("subject").asText()));
        return subjects;
    }

    private static String me(String token) {
        return server.get("/api/auth/me", token).json().get("id").asText();
    }
}
