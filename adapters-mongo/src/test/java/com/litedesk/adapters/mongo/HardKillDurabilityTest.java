package com.litedesk.adapters.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed with SIGKILL while writing loses no write it acknowledged, round after round. */
class HardKillDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Path file = dir.resolve("durable.mv");
        List<String> acknowledged = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            acknowledged.addAll(writeUntilKilled(file, "r" + round, 150 + round * 100));
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
                 MongoInstanceRepositories stores = MongoInstanceRepositories.connect(server.connectionString(), "durability")) {
                for (String id : acknowledged) {
                    assertThat(stores.repositories().secrets().findById(id)).as("acknowledged %s", id).isPresent();
                }
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(450);
    }

    private List<String> writeUntilKilled(Path file, String prefix, int acks) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DurabilityWriter.class.getName(),
                file.toString(), prefix).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (seen.size() < acks && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    seen.add(line.substring(4));
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(seen).as("the writer acknowledged writes before it was killed").hasSize(acks);
        return seen;
    }
}
