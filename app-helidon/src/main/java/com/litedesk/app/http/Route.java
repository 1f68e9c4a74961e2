package com.litedesk.app.http;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.listing.ListResult;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one route is, declared where it is registered: its method and path, who may call it, the query parameters
 * it takes, the record it reads and the one it answers with, its status and headers. The router serves it, the
 * OpenAPI document describes it, and a request with a query parameter it does not declare is refused: one
 * declaration for all three.
 */
public final class Route {

    /** Who may call a route. */
    public enum Access {
        /** Anyone. */
        PUBLIC,
        /** A user with an access token ({@code Authorization: Bearer}). */
        BEARER,
        /** The control plane, with the instance's {@code X-Management-Key}. */
        MANAGEMENT_KEY
    }

    /** A query parameter: a text, a whole number in a range, or a flag. */
    public record Param(String name, String description, Class<?> type, Integer minimum, Integer maximum, Object defaultValue) {

        public static Param text(String name, String description) {
            return new Param(name, description, String.class, null, null, null);
        }

        public static Param number(String name, String description, int minimum, int maximum, int defaultValue) {
            return new Param(name, description, Integer.class, minimum, maximum, defaultValue);
        }

        public static Param flag(String name, String description) {
            return new Param(name, description, Boolean.class, null, null, false);
        }
    }

    /** The page size of every list. */
    public static final Param LIMIT = Param.number("limit", "Page size", 1, ListRequest.MAX_LIMIT, ListRequest.DEFAULT_LIMIT);
    /** What a list takes: filter, sort, full-text search, cursor and page size. */
    public static final List<Param> LIST = List.of(
            Param.text("filter", "Conditions field[op]:value joined by ',' (ops: eq, ne, lt, lte, gt, gte, in, contains)"),
            Param.text("sort", "Fields to sort by, '-' first for descending, joined by ','"),
            Param.text("q", "Full-text search"),
            Param.text("cursor", "The nextCursor of the previous page"),
            LIMIT,
            Param.flag("count", "Also answer total, the number of records the filter and search select"));

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^/}]+)}");

    private final String method;
    private final String path;
    private final String summary;
    private final Pattern pattern;
    private String operationId;
    private String tag;
    private Access access = Access.BEARER;
    private JavaType requestType;
    private String requestMedia;
    private boolean requestRequired;
    private boolean mergePatch;
    private JavaType responseType;
    private String responseMedia = "application/json";
    private int status = 200;
    private final List<Param> query = new ArrayList<>();
    private boolean etag;
    private boolean sessionCookie;
    private boolean ifMatch;
    private boolean location;
    private final Set<Integer> problems = new TreeSet<>();
    private final List<Integer> otherStatuses = new ArrayList<>();

    private Route(String method, String path, String summary) {
        this.method = method;
        this.path = path;
        this.summary = summary;
        this.pattern = Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+"));
    }

    public static Route get(String path, String summary) {
        return new Route("GET", path, summary);
    }

    public static Route post(String path, String summary) {
        return new Route("POST", path, summary);
    }

    public static Route put(String path, String summary) {
        return new Route("PUT", path, summary);
    }

    public static Route patch(String path, String summary) {
        return new Route("PATCH", path, summary);
    }

    public static Route delete(String path, String summary) {
        return new Route("DELETE", path, summary);
    }

    /** {@code ListResult<T>}: a page of a list. */
    public static JavaType pageOf(Class<?> item) {
        return TypeFactory.defaultInstance().constructParametricType(ListResult.class, item);
    }

    /** {@code Items<T>}: a whole (short) list. */
    public static JavaType itemsOf(Class<?> item) {
        return TypeFactory.defaultInstance().constructParametricType(Items.class, item);
    }

    /** Callable without an account. */
    public Route open() {
        access = Access.PUBLIC;
        return this;
    }

    /** Callable by the control plane only, with the management key. */
    public Route managementKey() {
        access = Access.MANAGEMENT_KEY;
        return this;
    }

    /** The name of the operation in generated clients (else one made of the method and path). */
    public Route id(String id) {
        operationId = id;
        return this;
    }

    /** The group of the route in the document (else the first part of the path after {@code /api}). */
    public Route tag(String name) {
        tag = name;
        return this;
    }

    /** The request body: this record as JSON. */
    public Route body(Type type) {
        return body(type, true);
    }

    /** A request body that may be left out. */
    public Route optionalBody(Type type) {
        return body(type, false);
    }

    private Route body(Type type, boolean required) {
        requestType = TypeFactory.defaultInstance().constructType(type);
        requestMedia = "application/json";
        requestRequired = required;
        problems.add(413);
        return this;
    }

    /** The request body: a JSON merge patch (RFC 7386) of this record; null removes a field. */
    public Route mergePatch(Type type) {
        body(type, true);
        mergePatch = true;
        return this;
    }

    /** The request body: a CSV file. */
    public Route csvBody() {
        requestMedia = "text/csv";
        requestRequired = true;
        problems.add(413);
        return this;
    }

    /** The success body: this record (or {@link #pageOf}, {@link #itemsOf}). */
    public Route returns(Type type) {
        responseType = TypeFactory.defaultInstance().constructType(type);
        return this;
    }

    /** The success body: a CSV file. */
    public Route returnsCsv() {
        responseMedia = "text/csv";
        responseType = null;
        return this;
    }

    /** The success body: an image, PNG, JPEG or WebP. */
    public Route returnsImage() {
        responseMedia = "image";
        responseType = null;
        return this;
    }

    /** 201 with the new resource's {@code Location}. */
    public Route created() {
        status = 201;
        location = true;
        return this;
    }

    /** 202: accepted, carried out in the background. */
    public Route accepted() {
        status = 202;
        return this;
    }

    /** 204 without a body. */
    public Route noContent() {
        status = 204;
        responseType = null;
        return this;
    }

    /** Another success status the route may answer with, with the same body (e.g. 503 of a readiness check). */
    public Route alsoAnswers(int otherStatus) {
        otherStatuses.add(otherStatus);
        return this;
    }

    public Route query(Param... params) {
        query.addAll(List.of(params));
        return this;
    }

    /** The parameters of a list: filter, sort, q, cursor, limit. */
    public Route listed() {
        query.addAll(LIST);
        return this;
    }

    /** The answer carries the record's version as {@code ETag}. */
    /** Sets (or clears) the session's refresh cookies, and reads them with an {@code X-CSRF} header. */
    public Route sessionCookie() {
        sessionCookie = true;
        return this;
    }

    public boolean usesSessionCookie() {
        return sessionCookie;
    }

    public Route etag() {
        etag = true;
        return this;
    }

    /** Takes {@code If-Match} with the ETag (412 when the record changed meanwhile). */
    public Route ifMatch() {
        ifMatch = true;
        problems.add(412);
        return this;
    }

    /** Client errors the route answers with besides those that follow from the declaration. */
    public Route problems(Integer... statuses) {
        problems.addAll(List.of(statuses));
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String summary() {
        return summary;
    }

    public Access access() {
        return access;
    }

    /** Whether the route needs an access token. */
    public boolean authenticated() {
        return access == Access.BEARER;
    }

    public String operationId() {
        if (operationId != null) {
            return operationId;
        }
        StringBuilder id = new StringBuilder(method.toLowerCase());
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals("api")) {
                continue;
            }
            String word = part.startsWith("{") ? "By" + part.substring(1, part.length() - 1) : part;
            for (String piece : word.split("[^A-Za-z0-9]+")) {
                if (!piece.isEmpty()) {
                    id.append(Character.toUpperCase(piece.charAt(0))).append(piece.substring(1));
                }
            }
        }
        return id.toString();
    }

    public String tag() {
        if (tag != null) {
            return tag;
        }
        String[] parts = path.split("/");
        int i = 1;
        if (parts.length > i && parts[i].equals("api")) {
            i++;
        }
        if (parts.length > i + 1 && parts[i].equals("admin")) {
            i++;
        }
        String word = parts.length > i ? parts[i] : "api";
        word = word.equals("internal") ? "management" : word;
        return Character.toUpperCase(word.charAt(0)) + word.substring(1).replace('-', ' ');
    }

    public JavaType requestType() {
        return requestType;
    }

    public String requestMedia() {
        return requestMedia;
    }

    public boolean requestRequired() {
        return requestRequired;
    }

    public boolean mergePatch() {
        return mergePatch;
    }

    public JavaType responseType() {
        return responseType;
    }

    public String responseMedia() {
        return responseMedia;
    }

    public int status() {
        return status;
    }

    public List<Integer> otherStatuses() {
        return List.copyOf(otherStatuses);
    }

    public List<Param> query() {
        return List.copyOf(query);
    }

    public boolean hasQuery(String name) {
        return query.stream().anyMatch(p -> p.name().equals(name));
    }

    public List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        var m = PATH_PARAM.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    public boolean etagged() {
        return etag;
    }

    public boolean takesIfMatch() {
        return ifMatch;
    }

    public boolean location() {
        return location;
    }

    /**
     * Whether an Idempotency-Key applies: to authenticated writes, except logging in and out (a stored answer never
     * holds a token); elsewhere the header is ignored.
     */
    public boolean idempotent() {
        return !method.equals("GET") && access == Access.BEARER && !path.startsWith("/api/auth/") && !path.startsWith("/api/admin/auth/");
    }

    /** Every client error status the route can answer with (problem+json). */
    public Set<Integer> problemStatuses() {
        Set<Integer> all = new TreeSet<>(problems);
        all.add(400); // a malformed request, an unknown query parameter
        if (access == Access.BEARER) {
            all.add(401);
            all.add(403);
        }
        if (!pathParameters().isEmpty() || access == Access.MANAGEMENT_KEY) {
            all.add(404);
        }
        if (!method.equals("GET")) {
            all.add(409); // a conflict, a plan limit, an Idempotency-Key in use
        }
        if (!path.startsWith("/health")) {
            all.add(429);
        }
        return all;
    }

    boolean matchesPath(String actual) {
        return pattern.matcher(actual).matches();
    }

    /** Same method and path. */
    boolean sameAs(Route other) {
        return method.equals(other.method) && path.equals(other.path);
    }
}
