package com.litedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.adapters.sqlite.SqliteFiles;
import com.litedesk.adapters.sqlite.SqliteSettings;
import com.litedesk.app.http.Json;
import com.litedesk.app.platform.ControlPlaneStorage;
import com.litedesk.core.platform.provisioning.ProvisioningEngine;
import com.litedesk.ports.platform.StepName;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    private final ObjectMapper json = Json.mapper();

    static List<StepName> steps() {
        return ProvisioningEngine.PROVISION;
    }

    @ParameterizedTest
    @MethodSource("steps")
    void killedAfterAStepTheControlPlaneFinishesProvisioningWithEveryResourceOnce(StepName step) throws Exception {
        Path data = dir.resolve("data");
        String id;
        try (var first = ControlPlaneProcess.start(data, Map.of("LITEDESK_CRASH_AFTER_STEP", step.name()))) {
            var crashed = first.await("CRASH POINT " + step);
            id = first.convert(first.login(), "acme", "olivia@acme.test");
            crashed.get(90, TimeUnit.SECONDS);
            first.kill();
        }

        try (var second = ControlPlaneProcess.start(data, Map.of())) {
            String admin = second.login();
            second.awaitState(admin, id, "READY");
            JsonNode steps = second.send("localhost", "GET", "/api/admin/instances/" + id + "/provisioning", admin, null).get("steps");
            assertThat(steps).allSatisfy(s -> assertThat(s.get("state").asText()).isEqualTo("DONE"));
            JsonNode crashed = java.util.stream.StreamSupport.stream(steps.spliterator(), false)
                    .filter(s -> s.get("name").asText().equals(step.name())).findFirst().orElseThrow();
            assertThat(crashed.get("attempts").asInt()).as("the interrupted step ran again").isEqualTo(2);
            JsonNode outbox = second.send("localhost", "GET", "/api/admin/outbox", admin, null).get("items");
            assertThat(outbox).filteredOn(m -> m.get("to").asText().equals("olivia@acme.test") && m.get("text").asText().contains("set-password"))
                    .hasSize(1); // one invitation (the other mail is the demo request's receipt)
            assertThat(second.send("acme.localhost", "GET", "/health/status", null, null).get("status").asText()).isEqualTo("UP");
            assertThat(json.readTree(data.resolve("dns-records.json").toFile()).properties())
                    .extracting(Map.Entry::getKey).containsExactly("acme.localhost");
        }

        try (var files = new SqliteFiles(SqliteSettings.defaults());
             var platform = files.openPlatform(data.resolve("platform.db"));
             var instance = files.openInstance(data.resolve("instances").resolve(id).resolve("litedesk.db"))) {
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

    @org.junit.jupiter.api.Test
    void aKubernetesControlPlaneWithoutItsSettingsStopsWithOneLine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (var env : List.of(Map.of("LITEDESK_RUNTIME", "kubernetes"),
                Map.of("LITEDESK_RUNTIME", "kubernetes", "MONGO_URI", "mongodb://127.0.0.1:1"),
                Map.of("LITEDESK_RUNTIME", "moon"))) {
            ProcessBuilder b = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
            b.environment().putAll(Map.of("LITEDESK_PORT", "0", "LITEDESK_DATA_DIR", dir.resolve("k8s").toString()));
            b.environment().putAll(env);
            Process p = b.redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(out).isEqualTo(2);
            assertThat(out.lines().filter(l -> l.startsWith("litedesk: "))).as(out).hasSize(1);
            assertThat(out).containsAnyOf("MONGO_URI", "LITEDESK_K8S_IMAGE", "LITEDESK_RUNTIME");
        }
    }
}
