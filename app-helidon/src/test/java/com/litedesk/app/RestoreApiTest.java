package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.ports.identity.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Undoing a delete over HTTP on the default store: the record is back under its id, with its ETag, linked again. */
class RestoreApiTest extends DefaultStoreApiTest {

    @Test
    void aDeletedContactAndDealComeBackWithTheirLinksAndANewVersion() {
        var ada = server.post("/api/contacts", owner, Map.of("firstName", "Ada", "lastName", "Lovelace",
                "emails", List.of("ada@engine.test"), "phones", List.of("+44 1"), "tags", List.of("vip")));
        assertThat(ada.status()).as(ada.raw().body()).isEqualTo(201);
        String id = ada.json().get("id").asText();
        var deal = server.post("/api/deals", owner, Map.of("title", "Engine", "value", 12500.5, "currency", "EUR",
                "contactIds", List.of(id), "expectedCloseDate", "2026-05-01"));
        assertThat(deal.status()).as(deal.raw().body()).isEqualTo(201);
        String dealId = deal.json().get("id").asText();

        assertThat(server.delete("/api/contacts/" + id, owner).status()).isEqualTo(204);
        problem(server.get("/api/contacts/" + id, owner), 404);
        var back = server.post("/api/contacts/" + id + "/restore", owner, null);
        assertThat(back.status()).as(back.raw().body()).isEqualTo(200);
        assertThat(back.json().get("id").asText()).isEqualTo(id);
        assertThat(back.json().get("emails").get(0).asText()).isEqualTo("ada@engine.test");
        assertThat(back.json().get("tags").get(0).asText()).isEqualTo("vip");
        assertThat(back.json().get("version").asLong()).isEqualTo(2);
        assertThat(back.header("ETag")).isEqualTo("\"2\"");
        assertThat(server.get("/api/contacts/" + id, owner).status()).isEqualTo(200);
        problem(server.post("/api/contacts/" + id + "/restore", owner, null), 404);

        assertThat(server.delete("/api/deals/" + dealId, owner).status()).isEqualTo(204);
        var dealBack = server.post("/api/deals/" + dealId + "/restore", owner, null);
        assertThat(dealBack.status()).as(dealBack.raw().body()).isEqualTo(200);
        assertThat(dealBack.json().get("value").decimalValue()).isEqualByComparingTo("12500.5");
        assertThat(dealBack.json().get("contactIds").get(0).asText()).isEqualTo(id);
        assertThat(dealBack.json().get("expectedCloseDate").asText()).isEqualTo("2026-05-01");
    }

    @Test
    void aViewerAStrangerAndABadIdAreRefusedAndChangeNothing() {
        var grace = server.post("/api/contacts", owner, Map.of("firstName", "Grace", "lastName", "Hopper", "emails", List.of("grace@navy.test")));
        String id = grace.json().get("id").asText();
        assertThat(server.delete("/api/contacts/" + id, owner).status()).isEqualTo(204);
        problem(server.post("/api/contacts/" + id + "/restore", server.tokenFor("viewer@acme.test", Role.VIEWER, null), null), 403);
        problem(server.post("/api/contacts/" + id + "/restore", server.tokenFor("user@acme.test", Role.USER, null), null), 403);
        problem(server.post("/api/contacts/" + id + "/restore", null, null), 401);
        problem(server.post("/api/companies/" + id + "/restore", owner, null), 404);
        problem(server.post("/api/contacts/%00/restore", owner, null), 400);
        problem(server.get("/api/contacts/" + id, owner), 404);
        assertThat(server.post("/api/contacts/" + id + "/restore", owner, null).status()).isEqualTo(200);
    }
}
