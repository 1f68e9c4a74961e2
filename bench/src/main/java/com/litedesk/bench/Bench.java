package com.litedesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A logged-in HTTP client of one instance; re-logs in when the access token expires. */
final class Bench {

    static final String OWNER_EMAIL = "owner@bench.test";
    static final String OWNER_PASSWORD = "bench-password-123";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();
    private final String base;
    private volatile String token;

    Bench(int port) throws Exception {
        this.base = "http://127.0.0.1:" + port;
        login();
    }

    private void login() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        java.util.Map.of("email", OWNER_EMAIL, "password", OWNER_PASSWORD)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        token = JSON.readTree(r.body()).get("accessToken").asText();
    }

    JsonNode get(String path) throws Exception {
        return send("GET", path, null, "application/json", null);
    }

    JsonNode post(String path, Object body) throws Exception {
        return send("POST", path, JSON.writeValueAsString(body), "application/json", null);
    }

    JsonNode patch(String path, Object body, Long version) throws Exception {
        return send("PATCH", path, JSON.writeValueAsString(body), "application/json", version == null ? null : version.toString());
    }

    JsonNode postCsv(String path, String csv) throws Exception {
        return send("POST", path, csv, "text/csv", null);
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode send(String method, String path, String body, String contentType, String ifMatch) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", contentType);
            }
            if (ifMatch != null) {
                b.header("If-Match", "\"" + ifMatch + "\"");
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 401 && attempt == 0) {
                login();
                continue;
            }
            if (r.statusCode() == 429 && attempt < 50) {
                Thread.sleep(200);
                continue;
            }
            if (r.statusCode() >= 300) {
                throw new IOException(method + " " + path + " → " + r.statusCode() + " " + r.body());
            }
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        }
    }
}
