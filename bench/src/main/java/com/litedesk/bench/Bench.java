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
    private final String host;
    private final String email;
    private final String password;
    private volatile String token;

    Bench(int port) throws Exception {
        this("http://127.0.0.1:" + port, null, OWNER_EMAIL, OWNER_PASSWORD);
    }

    /**
     * A client of the instance at {@code base}; {@code host}, when not null, is the Host header that names the
     * instance at the control plane's front door (needs {@code -Djdk.httpclient.allowRestrictedHeaders=host}).
     */
    Bench(String base, String host, String email, String password) throws Exception {
        this.base = base;
        this.host = host;
        this.email = email;
        this.password = password;
        login();
    }

    private void login() throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        java.util.Map.of("email", email, "password", password))));
        if (host != null) {
            b.header("Host", host);
        }
        HttpResponse<String> r = client.send(b.build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        token = JSON.readTree(r.body()).get("accessToken").asText();
    }

    JsonNode get(String path) throws Exception {
        return send("GET", path, null, "application/json");
    }

    JsonNode post(String path, Object body) throws Exception {
        return send("POST", path, JSON.writeValueAsString(body), "application/json");
    }


    JsonNode postCsv(String path, String csv) throws Exception {
        return send("POST", path, csv, "text/csv");
    }

    /**
     * A measured request: sends it and reads the answer without parsing it, so that the client costs as little CPU
     * as possible on the box it shares with the server; fails on anything but 2xx.
     */
    void hit(String method, String path, Object body) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<Void> r = client.send(request(method, path, body == null ? null : JSON.writeValueAsString(body),
                    "application/json"), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 401 && attempt == 0) {
                login();
                continue;
            }
            if (r.statusCode() >= 300) {
                throw new IOException(method + " " + path + " → " + r.statusCode());
            }
            return;
        }
    }

    private HttpRequest request(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (host != null) {
            b.header("Host", host);
        }
        return b.build();
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode send(String method, String path, String body, String contentType) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r = client.send(request(method, path, body, contentType), HttpResponse.BodyHandlers.ofString());
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
