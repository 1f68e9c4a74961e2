package com.litedesk.app;

import com.litedesk.app.http.Route;
import com.litedesk.app.http.RouteCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control plane's OpenAPI document lists every route it serves, each documented route is served, and a query
 * parameter a route does not declare is refused.
 */
class PlatformOpenApiTest {

    @TempDir
    Path data;

    @Test
    void everyControlPlaneRouteIsDocumentedAndServed() {
        try (PlatformServer server = PlatformServer.start(data, Map.of())) {
            var doc = server.admin("GET", "/openapi", null, null).json();
            assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
            var paths = doc.get("paths");
            RouteCatalog catalog = server.app.routes();
            assertThat(catalog.routes()).hasSizeGreaterThan(30);
            for (Route route : catalog.routes()) {
                assertThat(paths.has(route.path())).as("documented: %s", route.path()).isTrue();
                assertThat(paths.get(route.path()).has(route.method().toLowerCase())).as("documented: %s %s", route.method(), route.path()).isTrue();
            }
            assertThat(paths.has("/api/admin/demo-requests/{id}/convert")).isTrue();
            assertThat(paths.has("/api/metrics/aggregated")).isTrue();
            assertThat(doc.at("/info/title").asText()).isEqualTo("LiteDesk control plane API");
            assertThat(paths.at("/~1api~1admin~1demo-requests~1{id}~1convert/post/responses").has("202")).isTrue();
            assertThat(paths.at("/~1api~1admin~1instances~1{id}~1backups/post/responses/201/headers").has("Location")).isTrue();
            assertThat(paths.at("/~1api~1public~1demo-requests/post/security")).isEmpty();
            assertThat(paths.at("/~1api~1public~1demo-requests/post/responses").has("429")).isTrue();
            assertThat(paths.at("/~1api~1admin~1instances/get/responses/200/content/application~1json/schema/$ref").asText())
                    .endsWith("/InstanceViewPage");
            assertThat(doc.at("/components/schemas/InstanceView/properties").has("subdomain")).isTrue(); // the instance, with its url
            assertThat(doc.at("/components/schemas/InstanceView/properties").has("url")).isTrue();
            assertThat(doc.at("/components/securitySchemes").has("managementKey")).isFalse();
            String token = server.adminToken();
            paths.properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                String concrete = path.getKey().replaceAll("\\{[^/]+}", "probe");
                var answer = server.admin(method.toUpperCase(), concrete, token, method.equals("get") || method.equals("delete") ? null : "{}");
                String detail = answer.json() == null || answer.json().get("detail") == null ? "" : answer.json().get("detail").asText();
                assertThat(answer.status() == 404 && detail.startsWith("no such resource")).as("%s %s is served", method, concrete).isFalse();
                assertThat(answer.status()).as("%s %s: %s", method, concrete, answer.raw().body()).isNotIn(405, 500);
                var undeclared = server.admin(method.toUpperCase(), concrete + "?colour=red", token,
                        method.equals("get") || method.equals("delete") ? null : "{}");
                assertThat(undeclared.status()).as("%s %s?colour=red", method, concrete).isEqualTo(400);
                assertThat(undeclared.json().at("/errors/0/field").asText()).isEqualTo("colour");
            }));
        }
    }
}
