package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./litedesk}, the README's run command, where the default {@code java} is older than the one LiteDesk needs. */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("..", "litedesk").toAbsolutePath().normalize();

    @TempDir
    Path bin;

    @Test
    void withoutAJava25ItSaysSoInOneSentenceNamingWhatItFound() throws Exception {
        Path old = fakeJava("17.0.15");
        Result result = run(Map.of("PATH", bin + ":/usr/bin:/bin", "LITEDESK_JVM_DIRS", bin.resolve("none").toString()));
        assertThat(result.exit).isEqualTo(1);
        assertThat(result.output).startsWith("litedesk: needs Java 25 or newer and found none.")
                .contains(old + " is Java 17")
                .contains("set JAVA_HOME");
    }

    @Test
    void itPrefersJavaHomeThenTheInstalledJdksOverAnOlderJavaOnThePath() throws Exception {
        fakeJava("17.0.15");
        Path jdks = Files.createDirectories(bin.resolve("jvm"));
        Path jdk25 = Files.createDirectories(jdks.resolve("temurin-25/bin")).resolve("java");
        Files.writeString(jdk25, "#!/bin/sh\necho 'openjdk version \"25.0.3\" 2026-04-21' >&2\n");
        jdk25.toFile().setExecutable(true);
        Result found = run(Map.of("PATH", bin + ":/usr/bin:/bin", "LITEDESK_JVM_DIRS", jdks.toString()));
        assertThat(found.output.strip()).isEqualTo(jdk25.toString());
        Result fromHome = run(Map.of("PATH", bin + ":/usr/bin:/bin", "LITEDESK_JVM_DIRS", jdks.toString(),
                "JAVA_HOME", System.getProperty("java.home")));
        assertThat(fromHome.output.strip()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private Path fakeJava(String version) throws Exception {
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2025-04-15' >&2\n");
        java.toFile().setExecutable(true);
        return java;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Map<String, String> env) throws Exception {
        ProcessBuilder b = new ProcessBuilder(SCRIPT.toString(), "--which-java").redirectErrorStream(true);
        b.environment().remove("JAVA_HOME");
        b.environment().putAll(env);
        Process process = b.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
