package com.litedesk.app.http.resources;

import com.litedesk.app.http.Call;
import com.litedesk.core.identity.Authentication;
import com.litedesk.ports.LiteDeskException;
import io.helidon.http.HeaderNames;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The refresh token as a browser keeps it: a cookie no page script can read ({@code HttpOnly}), sent only to the
 * refresh and logout routes ({@code Path}, one cookie for each), never with a request another site starts
 * ({@code SameSite=Strict}), and only over TLS ({@code Secure}) — except where a browser could not keep a Secure
 * cookie, a plain-HTTP host other than {@code localhost}, where the token travels in clear anyway.
 *
 * <p>Calls the cookie authenticates (refresh, logout) need the {@value #CSRF_HEADER} header, which another site's
 * page cannot send without the browser asking first (and LiteDesk answers no such question); calls that set it or
 * use it (login too) are refused when a browser says they come from another origin ({@code Origin},
 * {@code Sec-Fetch-Site}).
 */
final class SessionCookie {

    static final String NAME = "litedesk_refresh";
    static final String CSRF_HEADER = "X-CSRF";

    private final List<String> paths;

    /** @param base the auth routes' prefix: {@code /api/auth} or {@code /api/admin/auth} */
    SessionCookie(String base) {
        this.paths = List.of(base + "/refresh", base + "/logout");
    }

    /** The Set-Cookie values that keep {@code refreshToken} for the refresh and logout routes. */
    List<String> set(Call call, String refreshToken) {
        return cookies(call, refreshToken, Authentication.REFRESH_TTL.toSeconds());
    }

    /** The Set-Cookie values that make the browser forget the token. */
    List<String> clear(Call call) {
        return cookies(call, "", 0);
    }

    private List<String> cookies(Call call, String value, long maxAge) {
        String attributes = "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict" + (secure(call) ? "; Secure" : "");
        return paths.stream().map(path -> NAME + "=" + value + "; Path=" + path + attributes).toList();
    }

    /** The refresh token the cookie holds, or null. */
    String read(Call call) {
        var cookies = call.request().headers().cookies();
        if (!cookies.contains(NAME)) {
            return null;
        }
        String value = cookies.get(NAME);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Refuses a call the cookie authenticates that lacks the anti-forgery header. */
    void requireCsrfHeader(Call call) {
        String value = call.header(CSRF_HEADER);
        if (value == null || value.isBlank()) {
            throw LiteDeskException.forbidden("a call authenticated by the session cookie needs the " + CSRF_HEADER + " header");
        }
    }

    /** Refuses a call a browser says another site started. */
    void requireSameOrigin(Call call) {
        String site = call.header("Sec-Fetch-Site");
        String origin = call.header("Origin");
        if ("cross-site".equalsIgnoreCase(site) || origin != null && !sameHost(origin, call)) {
            throw LiteDeskException.forbidden("this call is not accepted from another site");
        }
    }

    /**
     * Whether a browser made the call: browsers add {@code Origin} to every POST and {@code Sec-Fetch-Site} to
     * every request, and no page script can leave them out. A browser gets the refresh token as the cookie only.
     */
    static boolean fromBrowser(Call call) {
        return call.header("Origin") != null || call.header("Sec-Fetch-Site") != null || call.header("Sec-Fetch-Mode") != null;
    }

    private static boolean sameHost(String origin, Call call) {
        String authority;
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return false;
            }
            authority = uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String host : new String[] {call.header("Host"), call.header("X-Forwarded-Host")}) {
            if (host != null && authority.equals(withoutDefaultPort(host.strip().toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    private static String withoutDefaultPort(String host) {
        return host.endsWith(":80") || host.endsWith(":443") ? host.substring(0, host.lastIndexOf(':')) : host;
    }

    private static boolean secure(Call call) {
        if (call.request().isSecure() || "https".equalsIgnoreCase(call.header("X-Forwarded-Proto"))) {
            return true;
        }
        String host = call.header("Host");
        if (host == null) {
            return true;
        }
        String name = host.toLowerCase(Locale.ROOT);
        name = name.startsWith("[") ? name.substring(0, name.indexOf(']') + 1)
                : name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        // browsers keep Secure cookies of http://localhost (and its subdomains, and the loopback addresses)
        return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.") || name.equals("[::1]");
    }
}
