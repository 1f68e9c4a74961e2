package com.litedesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The control plane's operator API, as a benchmark uses it: turn a demo request into a READY instance and log in to it. */
final class Platform {

    static final String ADMIN_EMAIL = "admin@bench.test";
    static final String ADMIN_PASSWORD = "correct-horse-battery";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;
    private final String base;
    private final String token;
    private int requests;

    Platform(int port) throws Exception {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.token = send("POST", "/api/admin/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), null)
                .get("accessToken").asText();
    }

    /** Provisions an instance on the enterprise plan (no plan limits to measure against) and logs in as its owner. */
    Bench provision(String subdomain) throws Exception {
        String email = "owner@" + subdomain + ".test";
        send("POST", "/api/public/demo-requests", Map.of("companyName", "Tenant " + subdomain, "contactName", "Owner",
                "email", email, "subdomain", subdomain), "10.9." + (requests / 250) + "." + (requests++ % 250));
        String filter = java.net.URLEncoder.encode("email[eq]:\"" + email + "\"", java.nio.charset.StandardCharsets.UTF_8);
        String id = send("GET", "/api/admin/demo-requests?filter=" + filter, null, null).path("items").path(0).path("id").asText();
        send("POST", "/api/admin/demo-requests/" + id + "/convert", null, null);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!"READY".equals(send("GET", "/api/admin/instances/" + id, null, null).path("state").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(subdomain + " did not become READY");
            }
            Thread.sleep(50);
        }
        send("PUT", "/api/admin/instances/" + id + "/plan", Map.of("planId", "enterprise"), null);
        String invitation = null;
        for (JsonNode mail : send("GET", "/api/admin/outbox?limit=200", null, null).path("items")) {
            Matcher m = TOKEN.matcher(mail.path("text").asText());
            if (mail.path("to").asText().equals(email) && m.find()) {
                invitation = m.group(1);
            }
        }
        if (invitation == null) {
            throw new IllegalStateException("no invitation for " + email);
        }
        String host = subdomain + ".localhost:" + port;
        HttpResponse<String> set = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/set-password"))
                .header("Host", host).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Bench.JSON.writeValueAsString(
                        Map.of("token", invitation, "password", Bench.OWNER_PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        if (set.statusCode() >= 300) {
            throw new IOException("set-password → " + set.statusCode() + " " + set.body());
        }
        return new Bench(base, host, email, Bench.OWNER_PASSWORD);
    }

    private JsonNode send(String method, String path, Object body, String forwardedFor) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Bench.JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? Bench.JSON.nullNode() : Bench.JSON.readTree(r.body());
    }
}
