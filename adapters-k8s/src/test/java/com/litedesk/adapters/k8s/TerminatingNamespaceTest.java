package com.litedesk.adapters.k8s;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.InstanceDatabase;
import com.litedesk.ports.platform.WorkloadSpec;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A namespace stuck terminating (a finalizer nobody removes) fails its own deletion after the timeout with a
 * clear message, takes no new objects, and holds up no other instance meanwhile.
 */
@EnableKubernetesMockClient(crud = true)
class TerminatingNamespaceTest {

    KubernetesClient client;

    private KubernetesInstanceRuntime runtime() {
        return new KubernetesInstanceRuntime(client, new KubernetesSettings("registry.example/litedesk:1.0", "nginx", "letsencrypt",
                null, "ingress-nginx", 27017), Duration.ofSeconds(2));
    }

    private static WorkloadSpec spec(String id, String subdomain) {
        return new WorkloadSpec(id, subdomain, subdomain, subdomain + ".crm.example.com", "https://" + subdomain + ".crm.example.com",
                new InstanceDatabase("mongodb://mongo.db.svc:27017/litedesk_" + id, "litedesk_" + id),
                "c2lnbmluZw==", "m".repeat(40), "trial", PlanLimits.UNLIMITED);
    }

    /** Deploys {@code id} and gives its namespace a finalizer, so deleting it leaves it terminating. */
    private void deployStuck(KubernetesInstanceRuntime runtime, String id) {
        runtime.deploy(spec(id, "stuck"));
        client.namespaces().withName("litedesk-" + id).edit(n -> new NamespaceBuilder(n).editMetadata()
                .addToFinalizers("example.com/never-done").endMetadata().build());
    }

    @Test
    void aStuckNamespaceFailsItsDeletionClearlyWhileOtherInstancesGoOn() throws Exception {
        var runtime = runtime();
        deployStuck(runtime, "stuck1");

        long started = System.nanoTime();
        var stuckRemoval = CompletableFuture.runAsync(() -> runtime.remove("stuck1"));
        runtime.deploy(spec("fine1", "fine"));
        assertThat(runtime.find("fine1")).isPresent();
        runtime.remove("fine1");
        assertThat(client.namespaces().withName("litedesk-fine1").get()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the other instance did not wait").isLessThan(Duration.ofMillis(1900));

        assertThat(stuckRemoval).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(LiteDeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("namespace litedesk-stuck1 is still terminating after 2 s")
                            .contains("example.com/never-done");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void aTerminatingNamespaceHasNoWorkloadAndTakesNoNewObjects() {
        var runtime = runtime();
        deployStuck(runtime, "stuck2");
        assertThatThrownBy(() -> runtime.remove("stuck2")).isInstanceOf(LiteDeskException.class);
        assertThat(client.namespaces().withName("litedesk-stuck2").get().getMetadata().getDeletionTimestamp()).isNotNull();

        assertThat(runtime.find("stuck2")).isEmpty();
        assertThatThrownBy(() -> runtime.deploy(spec("stuck2", "stuck"))).isInstanceOfSatisfying(LiteDeskException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.getMessage()).contains("namespace litedesk-stuck2 is still terminating");
        });
    }
}
