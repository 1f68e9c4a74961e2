package com.litedesk.app.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a handler answers: a status, a body to write as JSON (or null), extra headers, and cookies to set
 * ({@code Set-Cookie} values, one each). Kept as a value so that idempotent replays can store and repeat it —
 * all but the cookies, which are never stored.
 */
public record Reply(int status, Object body, Map<String, String> headers, List<String> cookies) {

    public Reply {
        cookies = List.copyOf(cookies);
    }

    public Reply(int status, Object body, Map<String, String> headers) {
        this(status, body, headers, List.of());
    }

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
        return new Reply(status, body, h, cookies);
    }

    /** Adds cookies to set. */
    public Reply withCookies(List<String> setCookies) {
        List<String> all = new java.util.ArrayList<>(cookies);
        all.addAll(setCookies);
        return new Reply(status, body, headers, all);
    }
}
