package com.litedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.http.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A control plane as a separate process (so that tests can SIGKILL it), driven over HTTP. */
final class ControlPlaneProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = Json.mapper();

    final int port;
    final Process process;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile String marker;
    private volatile CompletableFuture<String> markerSeen = new CompletableFuture<>();

    private ControlPlaneProcess(int port, Process process) {
        this.port = port;
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (marker != null && line.startsWith(marker)) {
                        markerSeen.complete(line);
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            markerSeen.completeExceptionally(new AssertionError("the process ended without printing " + marker));
            ended.complete(null);
        });
    }

    static ControlPlaneProcess start(Path data, Map<String, String> env) throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder b = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
        b.environment().putAll(Map.of("LITEDESK_PORT", Integer.toString(port), "LITEDESK_DATA_DIR", data.toString(),
                "LITEDESK_ADMIN_EMAIL", PlatformServer.ADMIN, "LITEDESK_ADMIN_PASSWORD", PlatformServer.PASSWORD,
                "LITEDESK_PUBLIC_PORT", "8080", "LITEDESK_RATE_LIMIT_PER_MINUTE", "0"));
        b.environment().putAll(env);
        var cp = new ControlPlaneProcess(port, b.redirectErrorStream(true).start());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return cp;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            if (!cp.process.isAlive()) {
                throw new AssertionError("the control plane exited with " + cp.process.exitValue());
            }
            Thread.sleep(100);
        }
        cp.process.destroyForcibly();
        throw new AssertionError("the control plane did not start");
    }

    /** Completes when the process prints a line starting with {@code prefix}. */
    CompletableFuture<String> await(String prefix) {
        this.markerSeen = new CompletableFuture<>();
        this.marker = prefix;
        return markerSeen;
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the killed process did not end");
        }
    }

    String login() throws Exception {
        return send("localhost", "POST", "/api/admin/auth/login", null,
                Map.of("email", PlatformServer.ADMIN, "password", PlatformServer.PASSWORD)).get("accessToken").asText();
    }

    JsonNode send(String host, String method, String path, String token, Object body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Host", host + ":8080")
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        OpenApiContract.committed(host.equals("localhost") ? "control-plane.json" : "instance.json").check(method, path, answer);
        return JSON.readTree(answer.body());
    }

    /** Submits a demo request and converts it; returns the instance id. */
    String convert(String admin, String subdomain, String email) throws Exception {
        send("localhost", "POST", "/api/public/demo-requests", null, Map.of("companyName", subdomain,
                "contactName", "Olivia", "email", email, "subdomain", subdomain));
        String filter = java.net.URLEncoder.encode("email[eq]:\"" + email + "\"", java.nio.charset.StandardCharsets.UTF_8);
        String requestId = send("localhost", "GET", "/api/admin/demo-requests?filter=" + filter, admin, null)
                .get("items").get(0).get("id").asText();
        return send("localhost", "POST", "/api/admin/demo-requests/" + requestId + "/convert", admin, null).get("instanceId").asText();
    }

    void awaitState(String admin, String id, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode instance = send("localhost", "GET", "/api/admin/instances/" + id, admin, null);
            if (instance.get("state").asText().equals(state)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + instance);
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
