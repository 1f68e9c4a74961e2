package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real instance process on the embedded database: killed with SIGKILL while clients write, then
 * restarted on the same data directory, it still has every record it acknowledged. Bad
 * configuration stops it with one line and exit code 2.
 */
class CrashSafetyTest {

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Every answer the processes give is what the instance document allows. */
    private static final OpenApiContract INSTANCE = OpenApiContract.committed("instance.json");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyAcknowledgedWriteSurvivesAHardKillAndARestart() throws Exception {
        int port = freePort();
        Process first = start(port, Map.of());
        String token = login(port);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<AssertionError> mismatches = new ConcurrentLinkedQueue<>();
        try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; ; i++) {
                        try {
                            var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/contacts"))
                                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"lastName\":\"W" + writer + "-" + i + "\"}")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            try {
                                INSTANCE.check("POST", "/api/contacts", r);
                            } catch (AssertionError mismatch) {
                                mismatches.add(mismatch);
                                return null;
                            }
                            if (r.statusCode() == 201) {
                                acknowledged.add(json.readTree(r.body()).get("id").asText());
                            }
                        } catch (IOException killed) {
                            return null;
                        }
                    }
                });
            }
            while (acknowledged.size() < 300 && mismatches.isEmpty()) {
                Thread.sleep(20);
            }
            first.destroyForcibly(); // SIGKILL in the middle of the writes
            first.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(mismatches).as("answers the instance document does not allow").isEmpty();
        Process second = start(port, Map.of());
        try {
            String again = login(port);
            for (String id : List.copyOf(acknowledged)) {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/contacts/" + id))
                        .header("Authorization", "Bearer " + again).build(), HttpResponse.BodyHandlers.ofString());
                INSTANCE.check("GET", "/api/contacts/" + id, r);
                assertThat(r.statusCode()).as("acknowledged contact %s", id).isEqualTo(200);
            }
            var verify = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/audit/verify"))
                    .header("Authorization", "Bearer " + again).build(), HttpResponse.BodyHandlers.ofString());
            INSTANCE.check("GET", "/api/audit/verify", verify);
            assertThat(json.readTree(verify.body()).get("valid").asBoolean()).as(verify.body()).isTrue();
        } finally {
            second.destroy();
            second.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void badConfigurationStopsStartUpWithOneLineNamingTheVariable() throws Exception {
        Process p = process(freePort(), Map.of("LITEDESK_PORT", "eighty")).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out.lines().filter(l -> l.startsWith("litedesk:")).toList()).singleElement().asString().contains("LITEDESK_PORT");
        Process q = process(freePort(), Map.of("MONGO_URI", "postgres://nope")).redirectErrorStream(true).start();
        assertThat(q.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).isEqualTo(2);
        assertThat(new String(q.getInputStream().readAllBytes())).contains("MONGO_URI");
    }

    private ProcessBuilder process(int port, Map<String, String> env) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder b = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "instance");
        b.environment().putAll(Map.of("LITEDESK_PORT", Integer.toString(port), "LITEDESK_DATA_DIR", dir.resolve("data").toString(),
                "LITEDESK_OWNER_EMAIL", TestServer.OWNER, "LITEDESK_OWNER_PASSWORD", TestServer.PASSWORD, "LITEDESK_RATE_LIMIT_PER_MINUTE", "0"));
        b.environment().putAll(env);
        return b;
    }

    private Process start(int port, Map<String, String> env) throws Exception {
        Path log = Files.createTempFile(dir, "instance", ".log");
        Process p = process(port, env).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/status")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            assertThat(p.isAlive()).as(Files.readString(log)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("the instance did not start: " + Files.readString(log));
    }

    private String login(int port) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + TestServer.OWNER + "\",\"password\":\"" + TestServer.PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        INSTANCE.check("POST", "/api/auth/login", r);
        JsonNode body = json.readTree(r.body());
        return body.get("accessToken").asText();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
