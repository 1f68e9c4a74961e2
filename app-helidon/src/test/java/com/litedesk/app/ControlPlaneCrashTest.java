package com.litedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.adapters.mongo.EmbeddedMongoServer;
import com.litedesk.adapters.mongo.MongoInstanceRepositories;
import com.litedesk.adapters.mongo.MongoPlatformRepositories;
import com.litedesk.app.http.Json;
import com.litedesk.app.platform.ControlPlaneStorage;
import com.litedesk.core.platform.provisioning.ProvisioningEngine;
import com.litedesk.ports.platform.StepName;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real control-plane process is killed with SIGKILL (no shutdown hook runs) right after each provisioning
 * step's action succeeded and before that was recorded — the worst moment. Started again on the same data
 * directory, it finishes provisioning, and every resource exists exactly once: one instance, customer and
 * subscription, one pair of keys, one DNS record, one database with one Owner and one pipeline, one
 * invitation mail, and a CRM that serves its host.
 */
class ControlPlaneCrashTest {

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = Json.mapper();

    static List<StepName> steps() {
        return ProvisioningEngine.PROVISION;
    }

    @ParameterizedTest
    @MethodSource("steps")
    void killedAfterAStepTheControlPlaneFinishesProvisioningWithEveryResourceOnce(StepName step) throws Exception {
        Path data = dir.resolve("data");
        int port = freePort();
        Process first = start(port, data, Map.of("LITEDESK_CRASH_AFTER_STEP", step.name()));
        CompletableFuture<String> crashLine = watch(first, "CRASH POINT " + step);
        String admin = login(port);
        String requestId = send(port, "localhost", "POST", "/api/public/demo-requests", null, Map.of("companyName", "Acme",
                "contactName", "Olivia", "email", "olivia@acme.test", "subdomain", "acme")).get("id").asText();
        String id = send(port, "localhost", "POST", "/api/admin/demo-requests/" + requestId + "/convert", admin, null).get("instanceId").asText();
        crashLine.get(90, TimeUnit.SECONDS);
        first.destroyForcibly(); // SIGKILL
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        int again = freePort();
        Process second = start(again, data, Map.of());
        try {
            String admin2 = login(again);
            awaitReady(again, admin2, id);
            JsonNode steps = send(again, "localhost", "GET", "/api/admin/instances/" + id + "/provisioning", admin2, null).get("steps");
            assertThat(steps).allSatisfy(s -> assertThat(s.get("state").asText()).isEqualTo("DONE"));
            JsonNode crashed = java.util.stream.StreamSupport.stream(steps.spliterator(), false)
                    .filter(s -> s.get("name").asText().equals(step.name())).findFirst().orElseThrow();
            assertThat(crashed.get("attempts").asInt()).as("the interrupted step ran again").isEqualTo(2);
            JsonNode outbox = send(again, "localhost", "GET", "/api/admin/outbox", admin2, null).get("items");
            assertThat(outbox).filteredOn(m -> m.get("to").asText().equals("olivia@acme.test")).hasSize(1);
            assertThat(send(again, "acme.localhost", "GET", "/health/status", null, null).get("status").asText()).isEqualTo("UP");
            assertThat(json.readTree(data.resolve("dns-records.json").toFile()).properties())
                    .extracting(Map.Entry::getKey).containsExactly("acme.localhost");
        } finally {
            second.destroy();
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (var server = EmbeddedMongoServer.start(data.resolve("litedesk.mv"));
             var platform = MongoPlatformRepositories.connect(server.connectionString(), ControlPlaneStorage.DATABASE);
             var instance = MongoInstanceRepositories.connect(server.connectionString(), "litedesk_" + id)) {
            var stores = platform.repositories();
            assertThat(stores.instances().count(List.of())).isEqualTo(1);
            assertThat(stores.customers().count(List.of())).isEqualTo(1);
            assertThat(stores.subscriptions().count(List.of())).isEqualTo(1);
            assertThat(stores.accounts().secrets().list(new Query(List.of(Condition.of("id", com.litedesk.ports.store.Operator.PREFIX, "instance/" + id + "/")),
                    List.of(), null, 10)).items()).hasSize(2);
            assertThat(instance.repositories().users().count(List.of())).isEqualTo(1);
            assertThat(instance.repositories().pipelines().count(List.of())).isEqualTo(1);
        }
    }

    private void awaitReady(int port, String token, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JsonNode instance = send(port, "localhost", "GET", "/api/admin/instances/" + id, token, null);
            if (instance.get("state").asText().equals("READY")) {
                return;
            }
            assertThat(System.nanoTime()).as("still %s", instance).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private Process start(int port, Path data, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder b = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
        b.environment().putAll(Map.of("LITEDESK_PORT", Integer.toString(port), "LITEDESK_DATA_DIR", data.toString(),
                "LITEDESK_ADMIN_EMAIL", PlatformServer.ADMIN, "LITEDESK_ADMIN_PASSWORD", PlatformServer.PASSWORD,
                "LITEDESK_PUBLIC_PORT", "8080", "LITEDESK_RATE_LIMIT_PER_MINUTE", "0"));
        b.environment().putAll(env);
        Process p = b.redirectErrorStream(true).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            assertThat(p.isAlive()).as("the control plane exited").isTrue();
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new AssertionError("the control plane did not start");
    }

    /** Reads the process's output (so it never blocks on a full pipe) and completes when {@code marker} appears. */
    private static CompletableFuture<String> watch(Process process, String marker) {
        CompletableFuture<String> seen = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith(marker)) {
                        seen.complete(line);
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            seen.completeExceptionally(new AssertionError("the process ended without reaching " + marker));
        });
        return seen;
    }

    private String login(int port) throws Exception {
        return send(port, "localhost", "POST", "/api/admin/auth/login", null,
                Map.of("email", PlatformServer.ADMIN, "password", PlatformServer.PASSWORD)).get("accessToken").asText();
    }

    private JsonNode send(int port, String host, String method, String path, String token, Object body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Host", host + ":8080")
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        var response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
