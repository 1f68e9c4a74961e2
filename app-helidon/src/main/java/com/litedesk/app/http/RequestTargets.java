package com.litedesk.app.http;

import com.litedesk.ports.FieldError;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a request target must be before any route sees it (RFC 9112 origin form): a path, or {@code *} for
 * {@code OPTIONS}; no absolute URL (nothing here is a proxy, and the {@code Host} alone picks the instance), no
 * fragment; the query made of RFC 3986 query characters; every percent-escape valid UTF-8; no NUL anywhere. The
 * server's HTTP layer has already checked the path's characters.
 */
public final class RequestTargets {

    private static final boolean[] QUERY = new boolean[128];

    static {
        for (char c : ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~" // unreserved
                + "!$&'()*+,;=" // sub-delims
                + ":@/?%").toCharArray()) {
            QUERY[c] = true;
        }
    }

    private RequestTargets() {
    }

    /** The 400 problem for a target no route may see, or null when the target is sound. */
    public static Problems.Problem refusal(ServerRequest req, String requestId) {
        String raw = req.prologue().uriPath().rawPath();
        if (raw.equals("*")) {
            return req.prologue().method() == Method.OPTIONS ? null
                    : malformed("'*' is a request target of OPTIONS only; ask for a path such as /api/contacts", requestId);
        }
        if (!raw.startsWith("/")) {
            return malformed("the request target must be a path such as /api/contacts (origin form); absolute URLs are not served",
                    requestId);
        }
        if (req.prologue().fragment().hasValue()) {
            return malformed("a request target carries no fragment ('#')", requestId);
        }
        String path = decode(raw);
        if (path == null || path.indexOf('\0') >= 0) {
            return malformed("the path is not valid: percent-escapes must be UTF-8 and must not encode NUL", requestId);
        }
        return queryRefusal(req.query().rawValue(), requestId);
    }

    private static Problems.Problem queryRefusal(String query, String requestId) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c >= 128 || !QUERY[c]) {
                return malformed("the query holds a character that must be percent-encoded (" + describe(c)
                        + "); encode values as encodeURIComponent does", requestId);
            }
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            String field = name == null || name.isEmpty() || name.indexOf('\0') >= 0 || name.length() > 64 ? "query" : name;
            if (name == null || value == null) {
                return invalid(field, "is not valid: percent-escapes must be %XX of UTF-8 bytes", requestId);
            }
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                return invalid(field, "must not contain a NUL character", requestId);
            }
        }
        return null;
    }

    /** Percent-decodes strictly ('+' stays as it is: it is only a space to the query's own reader); null when malformed. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c >= 128) {
                return null;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String describe(char c) {
        return c < 0x20 || c >= 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private static Problems.Problem malformed(String detail, String requestId) {
        return Problems.problem(400, Problems.MALFORMED_REQUEST, detail, List.of(), requestId, Map.of());
    }

    private static Problems.Problem invalid(String field, String message, String requestId) {
        return Problems.problem(400, "VALIDATION", "query parameter " + field + " " + message,
                List.of(new FieldError(field, message)), requestId, Map.of());
    }
}
