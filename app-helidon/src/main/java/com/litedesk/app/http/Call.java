package com.litedesk.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.litedesk.core.identity.Authentication;
import com.litedesk.core.access.Actor;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.LiteDeskException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

/** One request as handlers see it: parameters, the acting user, the body as JSON. */
public final class Call {

    private final ServerRequest request;
    private final ObjectMapper json;
    private final Authentication auth;
    private final byte[] body;
    private final String requestId;
    private Actor actor;

    Call(ServerRequest request, ObjectMapper json, Authentication auth, byte[] body, String requestId) {
        this.request = request;
        this.json = json;
        this.auth = auth;
        this.body = body;
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
        return new ListRequest(query("filter"), query("sort"), query("q"), query("cursor"), intQuery("limit"));
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
        requireJsonBody();
        return json.readValue(body, type);
    }

    /** The body as {@code type}, or {@code absent} when the request has no body at all. */
    public <T> T optionalBody(Class<T> type, T absent) throws IOException {
        if (body == null || body.length == 0) {
            return absent;
        }
        return body(type);
    }

    public JsonNode bodyTree() throws IOException {
        requireJsonBody();
        return json.readTree(body);
    }

    /** Applies the body as a JSON merge patch (RFC 7386) to a draft, strictly typed. */
    public <D> D patch(D current, Class<D> type) throws IOException {
        JsonNode patch = bodyTree();
        if (!patch.isObject()) {
            throw LiteDeskException.invalid("body", "a patch is a JSON object");
        }
        ObjectNode target = json.valueToTree(current);
        merge(target, (ObjectNode) patch);
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

    private void requireJsonBody() {
        if (body == null || body.length == 0) {
            throw LiteDeskException.invalid("body", "a JSON body is required");
        }
        String type = request.headers().contentType().map(t -> t.mediaType().text()).orElse("application/json");
        if (!type.equals("application/json") && !type.equals("application/merge-patch+json")) {
            throw LiteDeskException.invalid("Content-Type", "send application/json");
        }
    }

    /** The raw body stream, for streamed uploads (CSV imports). */
    public InputStream stream() {
        return request.content().inputStream();
    }
}
