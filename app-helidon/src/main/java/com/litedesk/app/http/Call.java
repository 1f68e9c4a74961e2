package com.litedesk.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.litedesk.core.identity.Authentication;
import com.litedesk.core.access.Actor;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.LiteDeskException;
import io.helidon.http.BadRequestException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

/** One request as handlers see it: parameters, the acting user, the body as JSON. */
public final class Call {

    private final ServerRequest request;
    private final ObjectMapper json;
    private final Authentication auth;
    private final String requestId;
    private ObjectNode tree;
    private Actor actor;

    Call(ServerRequest request, ObjectMapper json, Authentication auth, String requestId) {
        this.request = request;
        this.json = json;
        this.auth = auth;
        this.requestId = requestId;
    }

    public ServerRequest request() {
        return request;
    }

    public String requestId() {
        return requestId;
    }

    /** The authenticated user (401 when the bearer token is missing or not valid here). */
    public Actor actor() {
        if (actor == null) {
            String header = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 4096) {
                throw LiteDeskException.unauthenticated("send an access token as 'Authorization: Bearer <token>'");
            }
            actor = auth.authenticate(header.substring(7).strip(), requestId);
        }
        return actor;
    }

    /** A request header, or null. */
    public String header(String name) {
        return request.headers().first(io.helidon.http.HeaderNames.create(name)).orElse(null);
    }

    /** The client's address (the front door's X-Forwarded-For when it forwarded the request). */
    public String clientAddress() {
        return RequestPipeline.clientOf(request);
    }

    // get/contains read the parameters directly; first(...) goes through Helidon's mapper registry on every call
    public String path(String name) {
        return request.path().pathParameters().get(name);
    }

    public String query(String name) {
        var query = request.query();
        return query.contains(name) ? query.get(name) : null;
    }

    public Integer intQuery(String name) {
        String raw = query(name);
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            throw LiteDeskException.invalid(name, "must be a whole number");
        }
    }

    /** A whole number from {@code minimum} to {@code maximum}, or {@code absent} when the query does not have it. */
    public int intQuery(String name, int absent, int minimum, int maximum) {
        String raw = query(name);
        if (raw == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= minimum && value <= maximum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        throw LiteDeskException.invalid(name, "must be a whole number from " + minimum + " to " + maximum);
    }

    /** The {@code limit} of a page or a short list: 1 to {@link ListRequest#MAX_LIMIT}, {@code absent} when not given. */
    public int limit(int absent) {
        return intQuery("limit", absent, 1, ListRequest.MAX_LIMIT);
    }

    public boolean flag(String name) {
        String raw = query(name);
        if (raw == null) {
            return false;
        }
        return switch (raw) {
            case "true", "1", "" -> true;
            case "false", "0" -> false;
            default -> throw LiteDeskException.invalid(name, "must be true or false");
        };
    }

    public ListRequest listRequest() {
        Integer limit = query("limit") == null ? null : limit(ListRequest.DEFAULT_LIMIT);
        return new ListRequest(query("filter"), query("sort"), query("q"), query("cursor"), limit, flag("count"));
    }

    /** The version an If-Match header asks for, or null when there is none. */
    public Long ifMatch() {
        String raw = request.headers().first(HeaderNames.IF_MATCH).orElse(null);
        if (raw == null || raw.equals("*")) {
            return null;
        }
        String v = raw.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw LiteDeskException.invalid("If-Match", "must be the ETag of the record, e.g. \"3\"");
        }
    }

    public <T> T body(Class<T> type) throws IOException {
        return json.treeToValue(requireBody(), type);
    }

    /** The body as {@code type}, or {@code absent} when the request has no body at all. */
    public <T> T optionalBody(Class<T> type, T absent) throws IOException {
        return tree == null ? absent : body(type);
    }

    public JsonNode bodyTree() {
        return requireBody();
    }

    /** Applies the body as a JSON merge patch (RFC 7386) to a draft, strictly typed. */
    public <D> D patch(D current, Class<D> type) throws IOException {
        ObjectNode target = json.valueToTree(current);
        merge(target, requireBody());
        return json.treeToValue(target, type);
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode value = field.getValue();
            if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode inner && !field.getKey().equals("customFields")) {
                merge(inner, (ObjectNode) value);
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode inner) {
                merge(inner, (ObjectNode) value); // custom fields merge key by key too; null removes one
                removeNulls(inner);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    private static void removeNulls(ObjectNode node) {
        node.properties().removeIf(e -> e.getValue().isNull());
    }

    /**
     * What is checked of the headers before the body is read: a body is sent as JSON, an {@code If-Match} on a write is
     * an ETag. Runs after authentication, so that a stranger learns nothing from it.
     */
    void checkHeaders(boolean takesBody, boolean writes) {
        if (takesBody && request.content().hasEntity()) {
            String type = request.headers().contentType().map(t -> t.mediaType().text()).orElse("application/json");
            if (!type.equals("application/json") && !type.equals("application/merge-patch+json")) {
                throw LiteDeskException.invalid("Content-Type", "send application/json");
            }
        }
        if (writes) {
            ifMatch();
        }
    }

    /**
     * Takes the body read for this call. The one rule of every JSON route: a body, when there is one, is a JSON object
     * (not null, an array, a string or a number), and no text in it holds a NUL character.
     */
    void receive(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        JsonNode node = json.readTree(bytes);
        if (node == null || !node.isObject()) {
            throw LiteDeskException.invalid("body", "must be a JSON object");
        }
        refuseNul(node, "");
        this.tree = (ObjectNode) node;
    }

    private static void refuseNul(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
            throw LiteDeskException.invalid(path.isEmpty() ? "body" : path, "must not contain a NUL character");
        }
        if (node.isObject()) {
            for (var field : node.properties()) {
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getKey().indexOf('\0') >= 0) {
                    throw LiteDeskException.invalid(path.isEmpty() ? "body" : path, "has a field name with a NUL character");
                }
                refuseNul(field.getValue(), name);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseNul(node.get(i), (path.isEmpty() ? "body" : path) + "[" + i + "]");
            }
        }
    }

    private ObjectNode requireBody() {
        if (tree == null) {
            throw LiteDeskException.invalid("body", "a JSON body is required");
        }
        return tree;
    }

    /** The raw body stream, for streamed uploads (CSV imports). */
    public InputStream stream() {
        return framed(request.content().inputStream());
    }

    /**
     * A body stream whose broken framing (a chunk size that is not hex, …) is the client's 400, as the HTTP layer's own
     * checks are, and not a failure of the server's.
     */
    static InputStream framed(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (NumberFormatException e) { // the HTTP layer's reading of a chunk size that is not hex
                    throw new BadRequestException("the body's framing is not valid HTTP/1.1", e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (NumberFormatException e) { // the HTTP layer's reading of a chunk size that is not hex
                    throw new BadRequestException("the body's framing is not valid HTTP/1.1", e);
                }
            }
        };
    }
}
