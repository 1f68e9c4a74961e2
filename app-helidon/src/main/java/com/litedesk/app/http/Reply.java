package com.litedesk.app.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: a status, a body to write as JSON (or null), and extra headers. Kept as
 * a value so that idempotent replays can store and repeat it.
 */
public record Reply(int status, Object body, Map<String, String> headers) {

    public static Reply ok(Object body) {
        return new Reply(200, body, Map.of());
    }

    public static Reply created(Object body, String location) {
        return new Reply(201, body, Map.of("Location", location));
    }

    public static Reply accepted(Object body) {
        return new Reply(202, body, Map.of());
    }

    public static Reply noContent() {
        return new Reply(204, null, Map.of());
    }

    /** Adds an ETag carrying the record version (for If-Match). */
    public Reply withVersion(long version) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("ETag", "\"" + version + "\"");
        return new Reply(status, body, h);
    }
}
