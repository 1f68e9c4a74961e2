package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.app.http.Route;
import com.litedesk.app.http.RouteCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document lists every route the server registered, and every documented route is
 * really served: probing each one never meets the router's "no such resource".
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
}
