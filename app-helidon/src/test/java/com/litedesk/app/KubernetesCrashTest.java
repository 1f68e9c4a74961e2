package com.litedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.adapters.mongo.EmbeddedMongoServer;
import com.litedesk.ports.platform.StepName;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real control-plane process with LITEDESK_RUNTIME=kubernetes against the mock API server (CRUD mode) and a
 * MongoDB that outlives it, SIGKILLed right after the step that creates the instance's Kubernetes objects (and
 * the one after it) and before that is recorded. Started again, it repeats the step and goes on, and every object
 * exists exactly once. (Pods never run on the mock server, so the workflow then waits at WAIT_HEALTHY.)
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesCrashTest {

    KubernetesClient client;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = StepName.class, names = {"WORKLOAD", "DNS"})
    void killedMidProvisioningTheControlPlaneResumesWithoutDuplicates(StepName step) throws Exception {
        try (var mongo = EmbeddedMongoServer.start(dir.resolve("mongo.mv"))) {
            Map<String, String> env = Map.of("LITEDESK_RUNTIME", "kubernetes", "MONGO_URI", mongo.connectionString(),
                    "LITEDESK_DB_USERS", "shared", "LITEDESK_K8S_IMAGE", "registry.example.com/litedesk/litedesk:0.1.0",
                    "KUBERNETES_MASTER", client.getMasterUrl().toString(), "KUBERNETES_AUTH_TRYKUBECONFIG", "false",
                    "KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false", "KUBERNETES_NAMESPACE", "litedesk-system");
            String id;
            try (var first = ControlPlaneProcess.start(dir.resolve("data"), with(env, "LITEDESK_CRASH_AFTER_STEP", step.name()))) {
                var crashed = first.await("CRASH POINT " + step);
                id = first.convert(first.login(), "acme", "olivia@acme.test");
                crashed.get(90, TimeUnit.SECONDS);
                first.kill();
            }
            String ns = "litedesk-" + id;
            assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).hasSize(1);

            try (var second = ControlPlaneProcess.start(dir.resolve("data"), env)) {
                String admin = second.login();
                JsonNode steps = awaitStepDone(second, admin, id, StepName.DNS);
                JsonNode interrupted = StreamSupport.stream(steps.spliterator(), false)
                        .filter(s -> s.get("name").asText().equals(step.name())).findFirst().orElseThrow();
                assertThat(interrupted.get("attempts").asInt()).as("the interrupted step ran again").isEqualTo(2);
            }

            assertThat(client.namespaces().withLabel("app.kubernetes.io/managed-by", "litedesk-control-plane").list().getItems())
                    .singleElement().satisfies(n -> assertThat(n.getMetadata().getName()).isEqualTo(ns));
            assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).singleElement().satisfies(d -> {
                assertThat(d.getSpec().getReplicas()).isEqualTo(1);
                assertThat(d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                        .isEqualTo("registry.example.com/litedesk/litedesk:0.1.0");
            });
            assertThat(client.services().inNamespace(ns).list().getItems()).hasSize(1);
            assertThat(client.network().v1().ingresses().inNamespace(ns).list().getItems()).singleElement()
                    .satisfies(i -> assertThat(i.getSpec().getRules().getFirst().getHost()).isEqualTo("acme.localhost"));
            assertThat(client.secrets().inNamespace(ns).list().getItems()).hasSize(1);
            assertThat(client.serviceAccounts().inNamespace(ns).list().getItems()).hasSize(1);
            assertThat(client.network().v1().networkPolicies().inNamespace(ns).list().getItems()).hasSize(3);
            assertThat(client.policy().v1().podDisruptionBudget().inNamespace(ns).list().getItems()).hasSize(1);
            assertThat(client.resourceQuotas().inNamespace(ns).list().getItems()).hasSize(1);
            assertThat(client.limitRanges().inNamespace(ns).list().getItems()).hasSize(1);
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        var all = new java.util.HashMap<>(env);
        all.put(key, value);
        return all;
    }

    /** The steps, once {@code step} is DONE. */
    private static JsonNode awaitStepDone(ControlPlaneProcess cp, String admin, String id, StepName step) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode steps = cp.send("localhost", "GET", "/api/admin/instances/" + id + "/provisioning", admin, null).get("steps");
            boolean done = StreamSupport.stream(steps.spliterator(), false)
                    .anyMatch(s -> s.get("name").asText().equals(step.name()) && s.get("state").asText().equals("DONE"));
            if (done) {
                return steps;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(step + " not done: " + steps);
            }
            Thread.sleep(200);
        }
    }
}
