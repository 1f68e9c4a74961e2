package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Totals of lists on the default store: asked for with count=true, exact for filters and searches, absent otherwise. */
class ListCountsApiTest {

    @TempDir
    static Path data;
    static TestServer server;
    static String owner;

    @BeforeAll
    static void start() {
        server = TestServer.onDisk(data, Map.of());
        owner = server.ownerToken();
        for (int i = 0; i < 30; i++) {
            var c = server.post("/api/contacts", owner, Map.of("firstName", i % 3 == 0 ? "Ada" : "Bob", "lastName", "Person" + i,
                    "tags", i < 5 ? List.of("vip") : List.of()));
            assertThat(c.status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long total(String query) {
        var page = server.get("/api/contacts?" + query, owner);
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        return page.json().get("total").asLong();
    }

    @Test
    void theTotalCountsEveryRecordTheFilterOrSearchSelectsNotOnlyThePage() {
        assertThat(total("count=true&limit=5")).isEqualTo(30);
        assertThat(total("count=true&limit=2&filter=" + java.net.URLEncoder.encode("tags[eq]:\"vip\"", java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(5);
        assertThat(total("count=true&limit=1&q=ada")).isEqualTo(10);
        assertThat(total("count=true&limit=1&q=ada&filter=" + java.net.URLEncoder.encode("tags[eq]:\"vip\"", java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(2);
    }

    @Test
    void withoutCountThereIsNoTotalAndABadFlagIsAProblem() {
        var page = server.get("/api/contacts?limit=5", owner);
        assertThat(page.json().get("total") == null || page.json().get("total").isNull()).isTrue();
        var bad = server.get("/api/contacts?count=maybe", owner);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(bad.raw().body()).contains("count");
    }
}
