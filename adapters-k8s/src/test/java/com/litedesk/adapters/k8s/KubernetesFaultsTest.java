package com.litedesk.adapters.k8s;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.InstanceDatabase;
import com.litedesk.ports.platform.WorkloadSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API server errors are retried with back-off, then fail with a clear UNAVAILABLE. */
@EnableKubernetesMockClient
class KubernetesFaultsTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void serverErrorsAreRetriedThenReported() {
        server.expect().post().withPath("/api/v1/namespaces").andReturn(500, "boom").always();
        server.expect().get().withPath("/api/v1/namespaces/litedesk-i1").andReturn(404, "").always();
        var noClientRetries = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build()).build();
        var runtime = new KubernetesInstanceRuntime(noClientRetries, new KubernetesSettings("img", "nginx", "le", null, "ingress-nginx", 27017),
                Duration.ofSeconds(1));
        var spec = new WorkloadSpec("i1", "acme", "Acme", "acme.example.com", "https://acme.example.com",
                new InstanceDatabase("mongodb://db", "litedesk_i1"), "a2V5", "m".repeat(40), "trial", PlanLimits.UNLIMITED);

        long started = System.nanoTime();
        assertThatThrownBy(() -> runtime.deploy(spec)).isInstanceOfSatisfying(LiteDeskException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.getMessage()).contains("Namespace litedesk-i1").contains("500");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(server.getRequestCount()).isGreaterThanOrEqualTo(4);
    }
}
