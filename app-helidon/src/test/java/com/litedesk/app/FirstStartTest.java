package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.http.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer sees in the terminal on the first start of the jar, and on a start that cannot listen. */
class FirstStartTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern TEXT_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z [A-Z]+ +\\S+  \\S.*$");

    @TempDir
    Path data;

    @Test
    void aTakenPortStopsStartUpWithOneLineAndExitCodeTwoBeforeAnythingIsCreated() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();
            for (String role : List.of("control-plane", "instance")) {
                Process process = start(role, Map.of("LITEDESK_PORT", Integer.toString(port)));
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("a start on a taken port ends").isTrue();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(process.exitValue()).as(output).isEqualTo(2);
                assertThat(output.lines().toList()).as(role).containsExactly("litedesk: port " + port
                        + " on 0.0.0.0 is already in use (is LiteDesk already running?); stop what listens there or choose another port with LITEDESK_PORT");
            }
            assertThat(data.resolve("platform.db")).doesNotExist();
            assertThat(data.resolve("instances")).doesNotExist();
        }
    }

    @Test
    void theFirstStartShowsTheGeneratedPasswordInABoxThatSignsInAndASecondStartDoesNotShowItAgain() throws Exception {
        int port = freePort();
        Running first = Running.of(start("control-plane", Map.of("LITEDESK_PORT", Integer.toString(port))), "+--");
        try {
            String box = first.waitFor("+--", 1);
            Matcher email = Pattern.compile("\\|  email +(\\S+) +\\|").matcher(box);
            Matcher password = Pattern.compile("\\|  password +(\\S+) +\\|").matcher(box);
            assertThat(email.find()).as(box).isTrue();
            assertThat(password.find()).as(box).isTrue();
            assertThat(box).contains("First start: sign in to the console at http://localhost:" + port + "/console/");
            var login = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("email", email.group(1), "password", password.group(1))))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            for (String line : first.lines) {
                if (!line.isEmpty() && !line.startsWith("+") && !line.startsWith("|")) {
                    assertThat(line).as("every other line is one readable log line").matches(TEXT_LINE);
                }
            }
        } finally {
            first.stop();
        }
        Running second = Running.of(start("control-plane", Map.of("LITEDESK_PORT", Integer.toString(port))), "+--");
        try {
            second.waitFor("LiteDesk control plane listening", 0);
            Thread.sleep(500);
            assertThat(second.lines).noneMatch(l -> l.contains("password"));
        } finally {
            second.stop();
        }
    }

    @Test
    void withJsonLogsEveryLineTheProcessWritesIsOneJsonObject() throws Exception {
        int port = freePort();
        Running running = Running.of(start("control-plane", Map.of("LITEDESK_PORT", Integer.toString(port), "LITEDESK_LOG_FORMAT", "json")), "");
        try {
            running.waitFor("\"level\":\"NOTICE\"", 0);
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.discarding());
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/instances")).build(), HttpResponse.BodyHandlers.discarding());
            running.waitFor("\"path\":\"/api/admin/instances\"", 0);
        } finally {
            running.stop();
        }
        assertThat(running.lines).hasSizeGreaterThan(4);
        for (String line : running.lines) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            assertThat(node.has("time") || node.has("ts")).as(line).isTrue();
        }
        assertThat(running.lines).anyMatch(l -> l.contains("\"level\":\"NOTICE\"") && l.contains("password"));
    }

    private Process start(String role, Map<String, String> env) throws IOException {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the jar's class path: the test-only logging backends of the test class path left out, native access allowed as its manifest does
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("logback")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        ProcessBuilder b = new ProcessBuilder(javaCommand, "--enable-native-access=ALL-UNNAMED", "-cp", classPath, Main.class.getName(), role);
        b.environment().keySet().removeIf(k -> k.startsWith("LITEDESK_") || k.equals("MONGO_URI"));
        b.environment().put("LITEDESK_DATA_DIR", data.toString());
        b.environment().putAll(env);
        return b.redirectErrorStream(true).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A started process whose output lines are gathered as they come. */
    private record Running(Process process, List<String> lines) {

        static Running of(Process process, String unused) {
            Running running = new Running(process, new CopyOnWriteArrayList<>());
            Thread.ofVirtual().start(() -> {
                try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        running.lines.add(line);
                    }
                } catch (IOException ended) {
                    // the process ended
                }
            });
            return running;
        }

        /** Waits for the {@code occurrence}-th (from 0) line containing {@code text}; returns the lines from the first such one on. */
        String waitFor(String text, int occurrence) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                List<String> seen = List.copyOf(lines);
                int first = -1;
                int count = 0;
                for (int i = 0; i < seen.size(); i++) {
                    if (seen.get(i).contains(text)) {
                        first = first < 0 ? i : first;
                        if (count++ == occurrence) {
                            return String.join("\n", seen.subList(first, i + 1));
                        }
                    }
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the process ended with " + process.exitValue() + ": " + seen);
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no line with " + text + " in " + lines);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
