package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lists filtered on custom fields over HTTP, on the default store: typed as the field is, refused when unknown. */
class CustomFieldFiltersApiTest extends DefaultStoreApiTest {

    @BeforeAll
    static void defineCustomFields() {
        var settings = server.get("/api/settings", owner).json();
        var changed = server.patch("/api/settings", owner, Map.of("customFields", Map.of("DEAL", List.of(
                Map.of("key", "margin", "label", "Margin", "type", "NUMBER", "required", false),
                Map.of("key", "signed", "label", "Signed on", "type", "DATE", "required", false)))),
                Map.of("If-Match", "\"" + settings.get("version").asLong() + "\""));
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
    }

    private static TestServer.Answer deals(String filter) {
        return server.get("/api/deals?count=true&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), owner);
    }

    @Test
    void dealsAreFilteredOnANumberAndADateCustomFieldAndAnUnknownOneIsA400() {
        for (int i = 1; i <= 3; i++) {
            var d = server.post("/api/deals", owner, Map.of("title", "Deal " + i, "value", 100 * i, "currency", "EUR",
                    "customFields", Map.of("margin", i * 10, "signed", "2026-0" + i + "-15")));
            assertThat(d.status()).as(d.raw().body()).isEqualTo(201);
        }
        var wide = deals("customFields.margin[gte]:20");
        assertThat(wide.status()).as(wide.raw().body()).isEqualTo(200);
        assertThat(wide.json().get("total").asLong()).isEqualTo(2);
        var early = deals("customFields.signed[lt]:\"2026-02-01\"");
        assertThat(early.json().get("items")).singleElement().satisfies(d -> assertThat(d.get("title").asText()).isEqualTo("Deal 1"));
        for (String bad : List.of("customFields.nope[eq]:1", "customFields.margin[eq]:\"wide\"", "customFields.signed[gte]:\"soon\"",
                "customFields[eq]:1", "customFields.margin.x[eq]:1")) {
            var answer = deals(bad);
            assertThat(answer.status()).as(bad + " " + answer.raw().body()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        }
        var sorted = server.get("/api/deals?sort=customFields.margin", owner);
        assertThat(sorted.status()).isEqualTo(400);
    }
}
