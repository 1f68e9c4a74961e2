package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.ports.identity.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Duplicates over HTTP on the default store: warned of before creating, merged with everything that pointed at them. */
class DuplicatesApiTest extends DefaultStoreApiTest {

    private static String create(String first, String last, String email) {
        var c = server.post("/api/contacts", owner, Map.of("firstName", first, "lastName", last, "emails", List.of(email)));
        assertThat(c.status()).as(c.raw().body()).isEqualTo(201);
        return c.json().get("id").asText();
    }

    @Test
    void aPossibleDuplicateIsNamedBeforeCreatingAndMergingMovesItsNotesAndDealsToTheKeptOne() {
        String keep = create("Ada", "Lovelace", "ada@engine.test");
        var found = server.get("/api/contacts/duplicates?lastName=Lovelace&firstName=ada&email=ADA%40engine.test", owner);
        assertThat(found.status()).as(found.raw().body()).isEqualTo(200);
        assertThat(found.json().get("items")).hasSize(1);
        assertThat(found.json().get("items").get(0).get("reason").asText()).isEqualTo("same email ADA@engine.test");

        String dup = create("Ada", "Lovelace", "countess@engine.test");
        assertThat(server.get("/api/contacts/" + keep + "/duplicates", owner).json().get("items").get(0).get("id").asText()).isEqualTo(dup);
        var note = server.post("/api/notes", owner, Map.of("text", "Met at the Royal Society", "target", Map.of("type", "CONTACT", "id", dup)));
        assertThat(note.status()).as(note.raw().body()).isEqualTo(201);
        var deal = server.post("/api/deals", owner, Map.of("title", "Engine", "value", 10, "currency", "EUR", "contactIds", List.of(dup)));
        assertThat(deal.status()).as(deal.raw().body()).isEqualTo(201);

        var merged = server.post("/api/contacts/" + keep + "/merge", owner, Map.of("duplicateId", dup));
        assertThat(merged.status()).as(merged.raw().body()).isEqualTo(200);
        assertThat(merged.json().get("emails").toString()).contains("ada@engine.test").contains("countess@engine.test");
        problem(server.get("/api/contacts/" + dup, owner), 404);
        assertThat(server.get("/api/notes/" + note.json().get("id").asText(), owner).json().get("target").get("id").asText()).isEqualTo(keep);
        assertThat(server.get("/api/deals/" + deal.json().get("id").asText(), owner).json().get("contactIds").get(0).asText()).isEqualTo(keep);
    }

    @Test
    void aViewerMergesNothingAndBadMergesAreProblemsThatChangeNothing() {
        String a = create("Grace", "Hopper", "grace@navy.test");
        String b = create("Grace", "Hopper", "hopper@navy.test");
        String viewer = server.tokenFor("viewer@acme.test", Role.VIEWER, null);
        problem(server.post("/api/contacts/" + a + "/merge", viewer, Map.of("duplicateId", b)), 403);
        problem(server.post("/api/contacts/" + a + "/merge", owner, Map.of("duplicateId", a)), 400);
        problem(server.post("/api/contacts/" + a + "/merge", owner, Map.of()), 400);
        problem(server.post("/api/contacts/" + a + "/merge", owner, Map.of("duplicateId", "nope")), 404);
        assertThat(server.get("/api/contacts/" + b, owner).status()).isEqualTo(200);
        var audit = server.get("/api/audit?limit=50", owner).json().get("items").toString();
        assertThat(audit).contains("DENIED");
    }

    @Test
    void theWholeListsDuplicatesComeInGroupsAndAGroupGoesOnceMerged() {
        String first = create("Katherine", "Johnson", "kj@nasa.test");
        String second = create("katherine", "JOHNSON", "katherine@nasa.test");
        var groups = server.get("/api/contacts/duplicate-groups", owner);
        assertThat(groups.status()).as(groups.raw().body()).isEqualTo(200);
        var mine = java.util.stream.StreamSupport.stream(groups.json().get("items").spliterator(), false)
                .filter(g -> g.get("records").get(0).get("id").asText().equals(first)).findFirst().orElseThrow();
        assertThat(mine.get("reason").asText()).isEqualTo("same name");
        assertThat(mine.get("records").get(1).get("id").asText()).isEqualTo(second);
        assertThat(server.post("/api/contacts/" + first + "/merge", owner, Map.of("duplicateId", second)).status()).isEqualTo(200);
        assertThat(server.get("/api/contacts/duplicate-groups", owner).json().get("items").toString()).doesNotContain(first);

        assertThat(server.post("/api/companies", owner, Map.of("name", "Globex", "domain", "globex.test")).status()).isEqualTo(201);
        assertThat(server.post("/api/companies", owner, Map.of("name", "Globex Corporation", "domain", "www.globex.test")).status()).isEqualTo(409);
        assertThat(server.post("/api/companies", owner, Map.of("name", "GLOBEX")).status()).isEqualTo(201);
        var companies = server.get("/api/companies/duplicate-groups", server.tokenFor("viewer2@acme.test", Role.VIEWER, null));
        assertThat(companies.status()).as(companies.raw().body()).isEqualTo(200);
        assertThat(companies.json().get("items").toString()).contains("Globex").contains("GLOBEX");
        problem(server.get("/api/companies/duplicate-groups", null), 401);
    }
}
