package com.litedesk.app.http;

import io.helidon.webserver.http.RoutingResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers every answer carries so that a browser holds the pages to what they are: scripts only from this
 * origin (the pages' import maps are data, allowed by their hashes; no inline script, no inline handler), no
 * framing by anyone, no content sniffing, no referrer (set-password links carry a token), and HSTS when the
 * request came over TLS.
 *
 * <p>The apps compile their Vue templates in the browser, which evaluates generated code: {@code 'unsafe-eval'}
 * is allowed for that reason and only for it.
 */
public final class SecurityHeaders {

    private static final String[] PAGES = {"web/crm/index.html", "web/console/index.html", "web/public/index.html"};
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    /** The Content-Security-Policy of every answer. */
    public static final String POLICY = policy();

    private SecurityHeaders() {
    }

    /** Sets the headers on an answer; HSTS only when the request came over TLS. */
    public static void apply(RoutingResponse res, boolean overTls) {
        res.header("Content-Security-Policy", POLICY);
        res.header("X-Content-Type-Options", "nosniff");
        res.header("X-Frame-Options", "DENY");
        res.header("Referrer-Policy", "no-referrer");
        res.header("Cross-Origin-Opener-Policy", "same-origin");
        res.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (overTls) {
            res.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    private static String policy() {
        Set<String> hashes = new LinkedHashSet<>();
        for (String page : PAGES) {
            try (InputStream in = SecurityHeaders.class.getClassLoader().getResourceAsStream(page)) {
                if (in == null) {
                    continue;
                }
                Matcher m = IMPORT_MAP.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                    hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
                }
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot read " + page, e);
            }
        }
        return "default-src 'self'; script-src 'self' 'unsafe-eval' " + String.join(" ", hashes)
                + "; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'"
                + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
