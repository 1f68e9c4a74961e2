package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.app.http.Route;
import com.litedesk.app.http.RouteCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document lists every route the server registered, and every documented route is
 * really served: probing each one never meets the router's "no such resource". It describes each
 * operation fully (parameters, bodies, answers, headers, security, limits), and what it declares is
 * enforced: a query parameter a route does not declare is refused.
 */
class OpenApiTest {

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        try (TestServer server = TestServer.inMemory(Map.of())) {
            JsonNode doc = server.get("/openapi", null).json();
            assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
            JsonNode paths = doc.get("paths");
            RouteCatalog catalog = server.app.routes();
            assertThat(catalog.routes()).hasSizeGreaterThan(50);
            for (Route route : catalog.routes()) {
                assertThat(paths.has(route.path())).as("documented: %s", route.path()).isTrue();
                assertThat(paths.get(route.path()).has(route.method().toLowerCase())).as("documented: %s %s", route.method(), route.path()).isTrue();
            }
            String token = server.ownerToken();
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                String concrete = path.getKey().replaceAll("\\{[^/]+}", "probe");
                var answer = server.send(method.toUpperCase(), concrete, token, method.equals("get") || method.equals("delete") ? null : "{}", Map.of());
                String detail = answer.json() == null || answer.json().get("detail") == null ? "" : answer.json().get("detail").asText();
                assertThat(answer.status() == 404 && detail.startsWith("no such resource"))
                        .as("%s %s is served", method, concrete).isFalse();
                assertThat(answer.status()).as("%s %s", method, concrete).isNotIn(405, 500);
            }));
        }
    }

    @Test
    void theDocumentDescribesEveryOperationWellEnoughToGenerateAClient() {
        try (TestServer server = TestServer.inMemory(Map.of())) {
            JsonNode doc = server.get("/openapi", null).json();
            assertThat(doc.at("/info/title").asText()).isEqualTo("LiteDesk instance API");
            assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
            java.util.Set<String> ids = new java.util.HashSet<>();
            doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
                String op = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                assertThat(ids.add(operation.get("operationId").asText())).as("unique operationId: %s", op).isTrue();
                assertThat(operation.get("tags")).as("tags: %s", op).isNotEmpty();
                assertThat(operation.has("security")).as("security: %s", op).isTrue();
                JsonNode responses = operation.get("responses");
                assertThat(responses.has("400")).as("400: %s", op).isTrue();
                if (!operation.get("security").isEmpty() && !path.getKey().startsWith("/internal")) {
                    assertThat(responses.has("401") && responses.has("403")).as("401 and 403: %s", op).isTrue();
                }
                responses.properties().forEach(response -> {
                    if (response.getKey().startsWith("4")) {
                        assertThat(response.getValue().get("$ref").asText()).as("%s %s", op, response.getKey())
                                .isEqualTo("#/components/responses/Problem" + response.getKey());
                    }
                    JsonNode schema = response.getValue().at("/content/application~1json/schema");
                    if (response.getKey().startsWith("2") && !schema.isMissingNode() && !path.getKey().equals("/openapi")) {
                        assertThat(schema.has("$ref")).as("%s answers a named schema, not a bare object", op).isTrue();
                    }
                });
            }));
            JsonNode create = doc.at("/paths/~1api~1contacts/post");
            assertThat(create.at("/requestBody/content/application~1json/schema/$ref").asText()).endsWith("/ContactDraft");
            assertThat(create.at("/responses/201/headers/Location/required").asBoolean()).isTrue();
            assertThat(create.at("/responses/201/headers/ETag/required").asBoolean()).isTrue();
            assertThat(create.at("/responses/201/content/application~1json/schema/$ref").asText()).endsWith("/Contact");
            assertThat(doc.at("/paths/~1api~1contacts~1{id}/delete/responses").has("204")).isTrue();
            assertThat(doc.at("/paths/~1api~1contacts~1{id}/patch/requestBody/content").has("application/merge-patch+json")).isTrue();
            assertThat(names(doc.at("/paths/~1api~1contacts~1{id}/patch/parameters"))).contains("id", "If-Match", "Idempotency-Key");
            assertThat(names(doc.at("/paths/~1api~1contacts/get/parameters"))).containsExactly("filter", "sort", "q", "cursor", "limit", "count");
            assertThat(doc.at("/paths/~1api~1contacts/get/parameters/4/schema/maximum").asInt()).isEqualTo(200);
            assertThat(names(doc.at("/paths/~1api~1contacts~1import/post/parameters"))).contains("dryRun", "map");
            assertThat(doc.at("/paths/~1api~1auth~1login/post/security")).isEmpty();
            assertThat(doc.at("/paths/~1api~1auth~1login/post/responses").has("423")).isTrue();
            assertThat(doc.at("/paths/~1internal~1seed/post/security/0").has("managementKey")).isTrue();
            assertThat(doc.at("/components/securitySchemes/managementKey/name").asText()).isEqualTo("X-Management-Key");
            assertThat(doc.at("/components/responses/Problem429/headers").has("Retry-After")).isTrue();
            assertThat(doc.at("/components/responses/Problem400/content/application~1problem+json/schema/$ref").asText())
                    .endsWith("/ProblemDetails");

            JsonNode schemas = doc.at("/components/schemas");
            assertThat(schemas.at("/ContactDraft/properties/firstName/maxLength").asInt()).isEqualTo(100);
            assertThat(schemas.at("/ContactDraft/properties/emails/maxItems").asInt()).isEqualTo(10);
            assertThat(schemas.at("/ContactDraft/properties/emails/items/maxLength").asInt()).isEqualTo(254);
            assertThat(names(schemas.at("/TaskDraft/required"))).containsExactly("title");
            assertThat(names(schemas.at("/Contact/required"))).contains("id", "version", "emails", "createdAt").doesNotContain("firstName");
            assertThat(schemas.at("/Contact/properties/firstName/nullable").asBoolean()).isTrue();
            assertThat(schemas.at("/TaskStatus/enum").toString()).contains("OPEN", "DONE");
            assertThat(schemas.at("/Deal/properties/value/type").asText()).isEqualTo("number");
            assertThat(schemas.at("/Deal/properties/expectedCloseDate/format").asText()).isEqualTo("date");
            assertThat(schemas.at("/Deal/properties/createdAt/format").asText()).isEqualTo("date-time");
            assertThat(schemas.at("/ContactPage/properties/items/items/$ref").asText()).endsWith("/Contact");
            assertThat(schemas.at("/ContactDraftPatch/required").isMissingNode()).isTrue();
        }
    }

    @Test
    void aQueryParameterARouteDoesNotDeclareIsRefusedNamingIt() {
        try (TestServer server = TestServer.inMemory(Map.of())) {
            String token = server.ownerToken();
            JsonNode paths = server.get("/openapi", null).json().get("paths");
            paths.properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                String concrete = path.getKey().replaceAll("\\{[^/]+}", "probe") + "?colour=red";
                var answer = server.send(method.toUpperCase(), concrete, token, method.equals("get") || method.equals("delete") ? null : "{}", Map.of());
                assertThat(answer.status()).as("%s %s", method, concrete).isEqualTo(400);
                assertThat(answer.json().at("/errors/0/field").asText()).as("%s %s", method, concrete).isEqualTo("colour");
            }));
            var created = server.post("/api/contacts", token, Map.of("lastName", "Kept"));
            assertThat(server.post("/api/contacts?dryRun=true", token, Map.of("lastName", "Twice")).status()).isEqualTo(400);
            assertThat(server.get("/api/contacts", token).json().get("items")).hasSize(1); // the refused request changed nothing
            assertThat(created.status()).isEqualTo(201);

            var typo = server.get("/api/contacts?limt=5", token);
            assertThat(typo.json().at("/errors/0/message").asText()).contains("limit");
            assertThat(server.get("/api/contacts?limit=0", token).json().at("/errors/0/field").asText()).isEqualTo("limit");
            assertThat(server.get("/api/contacts?limit=201", token).status()).isEqualTo(400);
            assertThat(server.get("/api/contacts?limit=ten", token).status()).isEqualTo(400);
            assertThat(server.raw("POST", "/api/contacts/import?dryRun=maybe", token, "lastName\nX\n", "text/csv", Map.of())
                    .json().at("/errors/0/field").asText()).isEqualTo("dryRun");
            assertThat(server.get("/api/contacts?limit=200&q=x", token).status()).isEqualTo(200);
        }
    }

    private static java.util.List<String> names(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.get("name").asText()));
        return out;
    }
}
