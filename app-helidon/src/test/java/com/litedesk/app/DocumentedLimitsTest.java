package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The limits the instance document states for what clients write are the core's: for each create operation, a
 * text one character over its maxLength (a list one value over its maxItems) is refused naming that field, and a
 * text of exactly maxLength is not refused for its length.
 */
class DocumentedLimitsTest {

    @Test
    void everyDocumentedLimitOfACreateIsTheOneTheCoreEnforces() {
        try (TestServer server = TestServer.inMemory(Map.of())) {
            String token = server.ownerToken();
            String contactId = server.post("/api/contacts", token, Map.of("lastName", "Target")).json().get("id").asText();
            Map<String, Map<String, Object>> bases = new LinkedHashMap<>();
            bases.put("/api/contacts", Map.of("lastName", "L"));
            bases.put("/api/companies", Map.of("name", "C"));
            bases.put("/api/deals", Map.of("title", "D", "currency", "EUR"));
            bases.put("/api/tasks", Map.of("title", "T"));
            bases.put("/api/notes", Map.of("text", "N", "target", Map.of("type", "CONTACT", "id", contactId)));
            bases.put("/api/teams", Map.of("name", "T"));
            bases.put("/api/users", Map.of("email", "limits@acme.test", "name", "U", "password", TestServer.PASSWORD));
            bases.put("/api/pipelines", Map.of("name", "P", "stages", List.of(Map.of("name", "S"))));
            JsonNode doc = server.get("/openapi", null).json();
            int checked = 0;
            for (var base : bases.entrySet()) {
                String ref = doc.at("/paths/" + base.getKey().replace("/", "~1") + "/post/requestBody/content/application~1json/schema/$ref").asText();
                JsonNode schema = doc.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
                for (var property : schema.get("properties").properties()) {
                    String field = property.getKey();
                    JsonNode p = property.getValue();
                    if (p.has("maxLength")) {
                        int max = p.get("maxLength").asInt();
                        assertThat(lengthErrors(server, token, base, field, "a".repeat(max + 1), field))
                                .as("%s %s over %d", base.getKey(), field, max).anyMatch(m -> m.contains("at most " + max));
                        assertThat(lengthErrors(server, token, base, field, "a".repeat(max), field))
                                .as("%s %s at %d", base.getKey(), field, max).noneMatch(m -> m.contains("at most"));
                        checked++;
                    }
                    if (p.has("items") && p.get("items").has("maxLength")) {
                        int max = p.get("items").get("maxLength").asInt();
                        assertThat(lengthErrors(server, token, base, field, List.of("a".repeat(max + 1)), field + "[0]"))
                                .as("%s %s[0] over %d", base.getKey(), field, max).anyMatch(m -> m.contains("at most " + max));
                        checked++;
                    }
                    if (p.has("maxItems")) {
                        int max = p.get("maxItems").asInt();
                        List<Object> values = new ArrayList<>();
                        for (int i = 0; i <= max; i++) {
                            values.add(p.at("/items/type").asText().equals("string") ? "v" + i : Map.of("name", "S" + i));
                        }
                        var answer = server.post(base.getKey(), token, with(base.getValue(), field, values));
                        assertThat(answer.status()).as("%s %s with %d items", base.getKey(), field, max + 1).isEqualTo(400);
                        assertThat(fields(answer.json())).as("%s %s with %d items", base.getKey(), field, max + 1).contains(field);
                        checked++;
                    }
                }
            }
            assertThat(checked).isGreaterThan(20);
        }
    }

    /** The messages of the errors about {@code errorField} when {@code field} is {@code value}; the request creates nothing. */
    private static List<String> lengthErrors(TestServer server, String token, Map.Entry<String, Map<String, Object>> base,
                                             String field, Object value, String errorField) {
        var answer = server.post(base.getKey(), token, with(base.getValue(), field, value));
        List<String> messages = new ArrayList<>();
        if (answer.status() == 201) {
            server.delete(base.getKey() + "/" + answer.json().get("id").asText(), token); // at the limit it may be created
            return messages;
        }
        assertThat(answer.status()).as("%s %s: %s", base.getKey(), field, answer.raw().body()).isEqualTo(400);
        for (JsonNode error : answer.json().path("errors")) {
            if (error.get("field").asText().equals(errorField)) {
                messages.add(error.get("message").asText());
            }
        }
        return messages;
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        body.put(field, value);
        return body;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }
}
