package com.litedesk.app.http.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.litedesk.app.http.ProblemDetails;
import com.litedesk.app.http.Route;
import com.litedesk.app.http.RouteCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OpenAPI 3.0 document of a server, made from the routes it registered: each operation's parameters, body,
 * answers, headers and security as its {@link Route} declares them, the schemas from the records themselves.
 * 3.0 rather than 3.1, since that is what client generators and validators read fully.
 */
public final class OpenApiDocument {

    private static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiDocument() {
    }

    /**
     * @param title what the server is ("LiteDesk instance API", "LiteDesk control plane API")
     */
    public static Map<String, Object> of(RouteCatalog catalog, ObjectMapper json, String title, String description, String version) {
        Schemas schemas = new Schemas(json);
        Map<String, Object> problem = schemas.of(TypeFactory.defaultInstance().constructType(ProblemDetails.class));
        Map<String, Object> paths = new LinkedHashMap<>();
        TreeSet<String> tags = new TreeSet<>();
        TreeSet<Integer> problemStatuses = new TreeSet<>();
        boolean managementKey = false;
        for (Route route : catalog.routes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
            item.put(route.method().toLowerCase(), operation(route, schemas));
            tags.add(route.tag());
            problemStatuses.addAll(route.problemStatuses());
            managementKey |= route.access() == Route.Access.MANAGEMENT_KEY;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", title, "version", version, "description", description));
        doc.put("servers", List.of(Map.of("url", "/", "description", "this server (the host the document was read from)")));
        doc.put("tags", tags.stream().map(t -> Map.of("name", t)).toList());
        doc.put("paths", paths);
        Map<String, Object> security = new LinkedHashMap<>();
        security.put("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT",
                "description", "The accessToken of POST .../auth/login"));
        if (managementKey) {
            security.put("managementKey", Map.of("type", "apiKey", "in", "header", "name", "X-Management-Key",
                    "description", "The instance's management key, known to the control plane only"));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        for (int status : problemStatuses) {
            responses.put(problemName(status), problemResponse(status, problem));
        }
        responses.put("Problem", problemResponse(500, problem));
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("securitySchemes", security);
        components.put("responses", responses);
        components.put("schemas", new TreeMap<>(schemas.components()));
        doc.put("components", components);
        return doc;
    }

    private static Map<String, Object> operation(Route route, Schemas schemas) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(route.tag()));
        op.put("summary", route.summary());
        op.put("operationId", route.operationId());
        op.put("security", switch (route.access()) {
            case PUBLIC -> List.of();
            case BEARER -> List.of(Map.of("bearer", List.of()));
            case MANAGEMENT_KEY -> List.of(Map.of("managementKey", List.of()));
        });
        List<Object> parameters = new ArrayList<>();
        for (String name : route.pathParameters()) {
            parameters.add(Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        for (Route.Param param : route.query()) {
            parameters.add(query(param));
        }
        if (route.takesIfMatch()) {
            parameters.add(Map.of("name", "If-Match", "in", "header", "required", false, "schema", Map.of("type", "string"),
                    "description", "The ETag of the record as read; 412 when it changed since"));
        }
        if (route.usesSessionCookie() && !route.path().endsWith("/login")) {
            parameters.add(Map.of("name", "X-CSRF", "in", "header", "required", false, "schema", Map.of("type", "string"),
                    "description", "Required (any value) when the refresh token comes from the session cookie rather than the body"));
        }
        if (route.idempotent()) {
            parameters.add(Map.of("name", "Idempotency-Key", "in", "header", "required", false,
                    "schema", Map.of("type", "string", "minLength", 1, "maxLength", 200),
                    "description", "Repeating a request with the same key repeats its first answer instead of acting twice"));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (route.requestMedia() != null) {
            op.put("requestBody", requestBody(route, schemas));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(Integer.toString(route.status()), success(route, route.status(), schemas));
        for (int other : route.otherStatuses()) {
            responses.put(Integer.toString(other), success(route, other, schemas));
        }
        for (int status : route.problemStatuses()) {
            responses.put(Integer.toString(status), Map.of("$ref", "#/components/responses/" + problemName(status)));
        }
        responses.put("default", Map.of("$ref", "#/components/responses/Problem"));
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> query(Route.Param param) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (param.type() == Integer.class) {
            schema.put("type", "integer");
            schema.put("format", "int32");
            schema.put("minimum", param.minimum());
            schema.put("maximum", param.maximum());
        } else if (param.type() == Boolean.class) {
            schema.put("type", "boolean");
        } else {
            schema.put("type", "string");
        }
        if (param.defaultValue() != null) {
            schema.put("default", param.defaultValue());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", param.name());
        out.put("in", "query");
        out.put("required", false);
        out.put("description", param.description());
        out.put("schema", schema);
        return out;
    }

    private static Map<String, Object> requestBody(Route route, Schemas schemas) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (route.requestMedia().equals("text/csv")) {
            content.put("text/csv", Map.of("schema", Map.of("type", "string")));
        } else if (route.mergePatch()) {
            Map<String, Object> schema = schemas.patchOf(route.requestType());
            content.put("application/merge-patch+json", Map.of("schema", schema));
            content.put("application/json", Map.of("schema", schema));
        } else {
            content.put("application/json", Map.of("schema", schemas.of(route.requestType())));
        }
        return Map.of("required", route.requestRequired(), "content", content);
    }

    private static Map<String, Object> success(Route route, int status, Schemas schemas) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", switch (status) {
            case 201 -> "Created";
            case 202 -> "Accepted; carried out in the background";
            case 204 -> "Done";
            case 503 -> "Not ready; the body says what is down";
            default -> "OK";
        });
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("X-Request-Id", header("The id of this request in the server's logs", true));
        if (route.etagged()) {
            headers.put("ETag", header("The record's version, for If-Match", true));
        }
        if (route.location()) {
            headers.put("Location", header("Where the new resource is read", true));
        }
        if (route.usesSessionCookie()) {
            headers.put("Set-Cookie", header("The session's refresh cookies (HttpOnly, SameSite=Strict, on the refresh and logout paths)"
                    + " — or their removal", false));
        }
        if (route.idempotent()) {
            headers.put("Idempotent-Replay", header("true when this is the stored answer to an earlier request with the same Idempotency-Key", false));
        }
        response.put("headers", headers);
        if (route.responseMedia().equals("text/csv")) {
            response.put("content", Map.of("text/csv", Map.of("schema", Map.of("type", "string"))));
        } else if (route.responseMedia().equals("image")) {
            Map<String, Object> binary = Map.of("schema", Map.of("type", "string", "format", "binary"));
            Map<String, Object> images = new LinkedHashMap<>();
            images.put("image/png", binary);
            images.put("image/jpeg", binary);
            images.put("image/webp", binary);
            response.put("content", images);
        } else if (route.responseType() != null) {
            response.put("content", Map.of("application/json", Map.of("schema", schemas.of(route.responseType()))));
        }
        return response;
    }

    private static Map<String, Object> header(String description, boolean required) {
        return Map.of("description", description, "required", required, "schema", Map.of("type", "string"));
    }

    private static String problemName(int status) {
        return "Problem" + status;
    }

    private static Map<String, Object> problemResponse(int status, Map<String, Object> problem) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("X-Request-Id", header("The id of this request in the server's logs", false));
        if (status == 401) {
            headers.put("WWW-Authenticate", header("Bearer", false));
        }
        if (status == 429 || status == 423 || status == 500) {
            headers.put("Retry-After", header("Seconds to wait before trying again", false));
        }
        String description = switch (status) {
            case 400 -> "The request is malformed or its input is refused (errors names the fields)";
            case 401 -> "No valid access token";
            case 403 -> "The caller's role does not allow this";
            case 404 -> "No such resource";
            case 409 -> "It conflicts with the current state, or a plan limit is reached";
            case 412 -> "The record changed since the If-Match version";
            case 413 -> "The body is too large";
            case 423 -> "The account is locked for a while";
            case 429 -> "Too many requests; retry after Retry-After seconds";
            case 500 -> "A failure on the server's side, or it is unavailable for now (503, with Retry-After)";
            default -> "A problem";
        };
        return Map.of("description", description, "headers", headers,
                "content", Map.of(PROBLEM_JSON, Map.of("schema", problem)));
    }
}
