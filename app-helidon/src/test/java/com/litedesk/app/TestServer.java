package com.litedesk.app;

import com.litedesk.app.instance.InstanceApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.http.Json;
import com.litedesk.core.identity.NewUser;
import com.litedesk.ports.identity.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real instance on a free port, driven over HTTP. */
public final class TestServer implements AutoCloseable {

    public static final String OWNER = "owner@acme.test";
    public static final String PASSWORD = "correct-horse-battery";

    /** One HTTP answer. */
    public record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public final InstanceApplication app;
    public final ObjectMapper json = Json.mapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private volatile OpenApiContract contract;

    private TestServer(InstanceApplication app) {
        this.app = app;
        this.base = "http://127.0.0.1:" + app.port();
    }

    public static TestServer inMemory(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("LITEDESK_PORT", "0", "LITEDESK_STORE", "memory",
                "LITEDESK_OWNER_EMAIL", OWNER, "LITEDESK_OWNER_PASSWORD", PASSWORD, "LITEDESK_INSTANCE_ID", "acme",
                "LITEDESK_RATE_LIMIT_PER_MINUTE", "0"));
        env.putAll(extra);
        return new TestServer(Main.startInstance(LiteDeskConfig.from(env::get)));
    }

    public static TestServer onDisk(Path dataDir, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("LITEDESK_DATA_DIR", dataDir.toString());
        env.put("LITEDESK_STORE", "sqlite");
        return start(env);
    }

    private static TestServer start(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("LITEDESK_PORT", "0", "LITEDESK_OWNER_EMAIL", OWNER,
                "LITEDESK_OWNER_PASSWORD", PASSWORD, "LITEDESK_INSTANCE_ID", "acme", "LITEDESK_RATE_LIMIT_PER_MINUTE", "0"));
        all.putAll(env);
        return new TestServer(Main.startInstance(LiteDeskConfig.from(all::get)));
    }

    /** {@code http://127.0.0.1:<port>}: what a browser on this server sends as its Origin. */
    public String baseUrl() {
        return base;
    }

    public String login(String email, String password) {
        Answer a = send("POST", "/api/auth/login", null, Map.of("email", email, "password", password), Map.of());
        if (a.status() != 200) {
            throw new AssertionError("login failed: " + a.raw().body());
        }
        return a.json().get("accessToken").asText();
    }

    public String ownerToken() {
        return login(OWNER, PASSWORD);
    }

    /** Adds a user through the core and returns its access token. */
    public String tokenFor(String email, Role role, String teamId) {
        var owner = app.crm().users().owner().orElseThrow();
        app.crm().users().create(app.crm().actorOf(owner), new NewUser(email, email, role, teamId, PASSWORD));
        return login(email, PASSWORD);
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Answer post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Answer patch(String path, String token, Object body, Map<String, String> headers) {
        return send("PATCH", path, token, body, headers);
    }

    public Answer delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    public Answer send(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            return raw(method, path, token, text, "application/json", headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer raw(String method, String path, String token, String body, String contentType, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", contentType);
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            contract().check(method, path, r);
            JsonNode node = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !r.body().isEmpty()) {
                node = json.readTree(r.body());
            }
            return new Answer(r.statusCode(), r, node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** This server's own OpenAPI document, as the check on every answer. */
    private OpenApiContract contract() throws Exception {
        if (contract == null) {
            var doc = client.send(HttpRequest.newBuilder(URI.create(base + "/openapi")).build(), HttpResponse.BodyHandlers.ofString());
            if (doc.statusCode() != 200) {
                throw new AssertionError("the server serves no OpenAPI document: " + doc.statusCode() + " " + doc.body());
            }
            contract = OpenApiContract.of(doc.body());
        }
        return contract;
    }

    @Override
    public void close() {
        app.close();
    }
}
