package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.RouteCatalog;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3.1 document of every route this server registered. */
public final class OpenApiResource implements HttpService {

    private static final Pattern PARAM = Pattern.compile("\\{([^/}]+)}");
    private final Api api;
    private final String version;

    public OpenApiResource(Api api, String version) {
        this.api = api;
        this.version = version;
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Method.GET, "/openapi", "This document", false, call -> Reply.ok(document(api.catalog())));
    }

    static Map<String, Object> document(RouteCatalog catalog, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "LiteDesk instance API", "version", version,
                "description", "Errors are RFC 9457 problem+json. Lists take limit, cursor, sort, q and filter."));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (RouteCatalog.Route route : catalog.routes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
            item.put(route.method().toLowerCase(), operation(route));
        }
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT")),
                "schemas", Map.of("Problem", Map.of("type", "object", "required", List.of("type", "title", "status"),
                        "properties", Map.of("type", str(), "title", str(), "status", Map.of("type", "integer"), "detail", str(),
                                "code", str(), "requestId", str(),
                                "errors", Map.of("type", "array", "items", Map.of("type", "object",
                                        "properties", Map.of("field", str(), "message", str()))))))));
        return doc;
    }

    private Map<String, Object> document(RouteCatalog catalog) {
        return document(catalog, version);
    }

    private static Map<String, Object> operation(RouteCatalog.Route route) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", route.summary());
        op.put("operationId", (route.method() + route.path()).replaceAll("[^A-Za-z0-9]+", "_"));
        if (route.authenticated()) {
            op.put("security", List.of(Map.of("bearer", List.of())));
        }
        List<Object> parameters = new ArrayList<>();
        Matcher m = PARAM.matcher(route.path());
        while (m.find()) {
            parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", str()));
        }
        boolean list = route.method().equals("GET") && (route.summary().startsWith("List") || route.summary().startsWith("Export")
                || route.path().endsWith("/mine") || route.path().endsWith("/overdue") || route.path().equals("/api/audit"));
        if (list) {
            for (String q : List.of("filter", "sort", "q", "cursor")) {
                parameters.add(Map.of("name", q, "in", "query", "schema", str()));
            }
            parameters.add(Map.of("name", "limit", "in", "query", "schema", Map.of("type", "integer", "minimum", 1, "maximum", 200, "default", 50)));
        }
        boolean writes = !route.method().equals("GET") && !route.method().equals("DELETE");
        if (!route.method().equals("GET")) {
            parameters.add(Map.of("name", "Idempotency-Key", "in", "header", "schema", str()));
        }
        if (route.path().contains("{id}") && !route.method().equals("GET")) {
            parameters.add(Map.of("name", "If-Match", "in", "header", "schema", str()));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (writes && route.requestType() != null) {
            op.put("requestBody", Map.of("required", true, "content", Map.of(route.requestType(), Map.of("schema", Map.of("type",
                    route.requestType().equals("application/json") ? "object" : "string")))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        String ok = route.method().equals("DELETE") ? "204" : route.method().equals("POST") && route.summary().startsWith("Create")
                || route.summary().startsWith("Add") ? "201" : "200";
        responses.put(ok, ok.equals("204") ? Map.of("description", "Done")
                : Map.of("description", "OK", "content", Map.of(route.responseType(), Map.of("schema", Map.of("type",
                route.responseType().equals("application/json") ? "object" : "string")))));
        responses.put("default", Map.of("description", "A problem", "content",
                Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> str() {
        return Map.of("type", "string");
    }
}
