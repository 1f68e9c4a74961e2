package com.litedesk.bench;

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

/** A real `litedesk.jar instance` process on a free port with its own data directory. */
final class InstanceProcess implements AutoCloseable {

    final int port;
    private final Process process;

    private InstanceProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static InstanceProcess start(Path jar, Path dataDir, Map<String, String> extraEnv) throws Exception {
        return start(jar, dataDir, extraEnv, List.of("instance"));
    }

    /** The control plane (the jar's default role) with in-process instances, its administrator as in {@link Platform}. */
    static InstanceProcess controlPlane(Path jar, Path dataDir, Map<String, String> extraEnv) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("LITEDESK_ADMIN_EMAIL", Platform.ADMIN_EMAIL);
        env.put("LITEDESK_ADMIN_PASSWORD", Platform.ADMIN_PASSWORD);
        return start(jar, dataDir, env, List.of());
    }

    private static InstanceProcess start(Path jar, Path dataDir, Map<String, String> extraEnv, List<String> role) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(role);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LITEDESK_PORT", Integer.toString(port));
        builder.environment().put("LITEDESK_DATA_DIR", dataDir.toString());
        builder.environment().put("LITEDESK_OWNER_EMAIL", Bench.OWNER_EMAIL);
        builder.environment().put("LITEDESK_OWNER_PASSWORD", Bench.OWNER_PASSWORD);
        if (role.isEmpty()) {
            builder.environment().put("LITEDESK_PUBLIC_PORT", Integer.toString(port));
        }
        builder.environment().putAll(extraEnv);
        builder.redirectErrorStream(true);
        builder.redirectOutput(dataDir.resolve("instance.log").toFile());
        Files.createDirectories(dataDir);
        InstanceProcess instance = new InstanceProcess(port, builder.start());
        instance.awaitHealthy(Duration.ofSeconds(60));
        return instance;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the instance exited with " + process.exitValue());
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the instance did not become healthy in " + timeout);
    }

    long pid() {
        return process.pid();
    }

    /** A full collection in the process (jcmd), so that resident memory reflects what is live. */
    void collectGarbage() throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** The Java heap in use in MiB (jcmd GC.heap_info), best read right after {@link #collectGarbage()}. */
    double heapUsedMiB() throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
        if (!m.find()) {
            throw new IOException("no heap figure in: " + out);
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    /** Resident set size in MiB, from /proc (Linux). */
    double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for " + process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
