package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.ports.identity.Role;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SavedViewsApiTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.inMemory(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void problem(TestServer.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void aUserKeepsViewsOfTheirOwnSeesSharedOnesAndCannotShareOrRemoveThem() {
        String owner = server.ownerToken();
        String user = server.tokenFor("user@acme.test", Role.USER, null);
        var shared = server.post("/api/views", owner, Map.of("list", "contacts", "name", "Berlin", "query", "q=berlin", "shared", true));
        assertThat(shared.status()).as(shared.raw().body()).isEqualTo(201);
        String id = shared.json().get("id").asText();
        problem(server.post("/api/views", user, Map.of("list", "contacts", "name", "Mine for all", "query", "", "shared", true)), 403);
        assertThat(server.post("/api/views", user, Map.of("list", "contacts", "name", "Mine", "query", "q=x", "shared", false)).status()).isEqualTo(201);
        var seen = server.get("/api/views?list=contacts", user).json().get("items");
        assertThat(seen).hasSize(2);
        problem(server.delete("/api/views/" + id, user), 403);
        problem(server.get("/api/views?list=nope", user), 400);
        problem(server.post("/api/views", user, Map.of("list", "contacts", "name", "A\u0000B", "query", "")), 400);
        assertThat(server.delete("/api/views/" + id, owner).status()).isEqualTo(204);
    }
}
