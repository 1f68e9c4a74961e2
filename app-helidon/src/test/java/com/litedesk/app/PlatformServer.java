package com.litedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.config.PlatformConfig;
import com.litedesk.app.http.Json;
import com.litedesk.app.platform.ControlPlaneApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A real control plane (embedded database, in-process runtime) on a free port, driven over HTTP with Host headers. */
public final class PlatformServer implements AutoCloseable {

    public static final String ADMIN = "admin@litedesk.test";
    public static final String PASSWORD = "correct-horse-battery";

    public final ControlPlaneApplication app;
    public final ObjectMapper json = Json.mapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, OpenApiContract> contracts = new java.util.concurrent.ConcurrentHashMap<>();

    private PlatformServer(ControlPlaneApplication app) {
        this.app = app;
    }

    public static PlatformServer start(Path dataDir, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("LITEDESK_PORT", "0", "LITEDESK_DATA_DIR", dataDir.toString(),
                "LITEDESK_ADMIN_EMAIL", ADMIN, "LITEDESK_ADMIN_PASSWORD", PASSWORD, "LITEDESK_PUBLIC_PORT", "8080",
                "LITEDESK_RATE_LIMIT_PER_MINUTE", "0", "LITEDESK_DEMO_REQUESTS_PER_HOUR", "1000"));
        env.putAll(extra);
        LiteDeskConfig config = LiteDeskConfig.from(env::get);
        return new PlatformServer(Main.startControlPlane(config, PlatformConfig.from(env::get, config)));
    }

    /** Sends a request to the host ({@code localhost} for the control plane, {@code acme.localhost} for an instance). */
    public TestServer.Answer send(String host, String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Host", host + ":8080")
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            if (text != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            contract(host).check(method, path, r);
            JsonNode node = null;
            if (r.headers().firstValue("Content-Type").orElse("").contains("json") && !r.body().isEmpty()) {
                node = json.readTree(r.body());
            }
            return new TestServer.Answer(r.statusCode(), r, node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The OpenAPI document of the server that answers at {@code host}: the control plane's own at localhost, an
     * instance's through the front door (the committed instance document where no instance answers).
     */
    private OpenApiContract contract(String host) throws Exception {
        String key = host.equals("localhost") ? host : "instance:" + host;
        OpenApiContract known = contracts.get(key);
        if (known != null) {
            return known;
        }
        var doc = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/openapi"))
                .timeout(Duration.ofSeconds(30)).header("Host", host + ":8080").build(), HttpResponse.BodyHandlers.ofString());
        OpenApiContract contract;
        if (doc.statusCode() == 200) {
            contract = OpenApiContract.of(doc.body());
            contracts.put(key, contract);
        } else if (host.equals("localhost")) {
            throw new AssertionError("the control plane serves no OpenAPI document: " + doc.statusCode() + " " + doc.body());
        } else {
            contract = OpenApiContract.committed("instance.json"); // not kept: the instance may answer later
        }
        return contract;
    }

    public TestServer.Answer admin(String method, String path, String token, Object body) {
        return send("localhost", method, path, token, body, Map.of());
    }

    public String login(String host, String prefix, String email, String password) {
        var answer = send(host, "POST", prefix + "/auth/login", null, Map.of("email", email, "password", password), Map.of());
        if (answer.status() != 200) {
            throw new AssertionError("login at " + host + " failed: " + answer.raw().body());
        }
        return answer.json().get("accessToken").asText();
    }

    public String adminToken() {
        return login("localhost", "/api/admin", ADMIN, PASSWORD);
    }

    /** Submits a demo request, converts it and waits until the instance is READY; returns the instance id. */
    public String provision(String adminToken, String subdomain, String email) {
        String requestId = submit(adminToken, subdomain, email);
        var converted = admin("POST", "/api/admin/demo-requests/" + requestId + "/convert", adminToken, null);
        if (converted.status() != 202) {
            throw new AssertionError(converted.raw().body());
        }
        String id = converted.json().get("instanceId").asText();
        awaitState(adminToken, id, Set.of("READY"));
        return id;
    }

    /** Submits the public demo form for a new email (202) and returns the id of the request it created, as the console lists it. */
    public String submit(String adminToken, String subdomain, String email) {
        var request = send("localhost", "POST", "/api/public/demo-requests", null, Map.of("companyName", subdomain + " Ltd",
                "contactName", "Olivia Owner", "email", email, "subdomain", subdomain), Map.of());
        if (request.status() != 202) {
            throw new AssertionError(request.raw().body());
        }
        return requestIdOf(adminToken, email);
    }

    /** The id of the open (or newest) demo request of {@code email}, as a platform admin lists it. */
    public String requestIdOf(String adminToken, String email) {
        String filter = java.net.URLEncoder.encode("email[eq]:\"" + email + "\"", java.nio.charset.StandardCharsets.UTF_8);
        var items = admin("GET", "/api/admin/demo-requests?filter=" + filter, adminToken, null).json().get("items");
        if (items == null || items.isEmpty()) {
            throw new AssertionError("no demo request of " + email);
        }
        return items.get(0).get("id").asText();
    }

    public JsonNode awaitState(String adminToken, String id, Set<String> states) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            var instance = admin("GET", "/api/admin/instances/" + id, adminToken, null).json();
            if (states.contains(instance.get("state").asText())) {
                return instance;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("instance " + id + " is " + instance + "; steps "
                        + admin("GET", "/api/admin/instances/" + id + "/provisioning", adminToken, null).raw().body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The one-time token of the newest mail to {@code to} in the development outbox. */
    public String mailedToken(String adminToken, String to) {
        for (JsonNode mail : admin("GET", "/api/admin/outbox", adminToken, null).json().get("items")) {
            if (mail.get("to").asText().equals(to)) {
                var matcher = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(mail.get("text").asText());
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        }
        throw new AssertionError("no mail with a token to " + to);
    }

    @Override
    public void close() {
        app.close();
    }
}
