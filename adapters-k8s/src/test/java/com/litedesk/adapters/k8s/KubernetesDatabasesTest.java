package com.litedesk.adapters.k8s;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.InstanceDatabase;
import com.litedesk.ports.platform.WorkloadSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-instance MongoDB StatefulSets on the mock API server (CRUD mode), which a stand-in kubelet marks ready. */
@EnableKubernetesMockClient(crud = true)
class KubernetesDatabasesTest {

    KubernetesClient client;
    private Thread kubelet;

    private KubernetesDatabases databases(Duration readyTimeout) {
        return new KubernetesDatabases(client, new DatabaseSettings("mongo:7", "5Gi", "gp3", "500m", "512Mi", "litedesk-system", readyTimeout));
    }

    /** Marks every database StatefulSet ready, as the kubelet would once its pod passes the readiness probe. */
    @BeforeEach
    void startKubelet() {
        kubelet = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                client.apps().statefulSets().inAnyNamespace().withLabel("app.kubernetes.io/component", "database").list().getItems().stream()
                        .filter(s -> s.getStatus() == null || s.getStatus().getReadyReplicas() == null)
                        .filter(s -> !s.getMetadata().getNamespace().contains("never-ready"))
                        .forEach(s -> {
                            s.setStatus(new StatefulSetStatusBuilder().withReplicas(1).withReadyReplicas(1).build());
                            client.resource(s).updateStatus();
                        });
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stopKubelet() {
        kubelet.interrupt();
    }

    @Test
    void anInstanceDatabaseIsALockedDownStatefulSetWithItsOwnVolumeReachedOnlyByTheInstanceAndTheControlPlane() {
        InstanceDatabase db = databases(Duration.ofSeconds(10)).create("i1");

        assertThat(db).isEqualTo(new InstanceDatabase("mongodb://litedesk-db.litedesk-i1.svc.cluster.local:27017", "litedesk_i1"));
        String ns = "litedesk-i1";
        assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "litedesk-control-plane").containsEntry("litedesk.io/instance-id", "i1");
        var set = client.apps().statefulSets().inNamespace(ns).withName("litedesk-db").get();
        assertThat(set.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "litedesk")
                .containsEntry("app.kubernetes.io/component", "database");
        assertThat(set.getSpec().getReplicas()).isEqualTo(1);
        assertThat(set.getSpec().getServiceName()).isEqualTo("litedesk-db");
        var pod = set.getSpec().getTemplate();
        assertThat(pod.getMetadata().getLabels()).doesNotContainKey("app.kubernetes.io/name")
                .as("the instance's app selector must not pick the database").containsEntry("litedesk.io/instance-id", "i1");
        assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSpec().getSecurityContext().getFsGroup()).isEqualTo(999L);
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
        var container = pod.getSpec().getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo("mongo:7");
        assertThat(container.getPorts().getFirst().getContainerPort()).isEqualTo(27017);
        assertThat(container.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(27017);
        assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("512Mi")).containsEntry("cpu", new Quantity("500m"));
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getVolumeMounts().getFirst().getMountPath()).isEqualTo("/data/db");
        var claim = set.getSpec().getVolumeClaimTemplates().getFirst();
        assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("5Gi"));
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("gp3");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");

        var service = client.services().inNamespace(ns).withName("litedesk-db").get();
        assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(service.getSpec().getSelector()).isEqualTo(Map.of("app.kubernetes.io/component", "database", "litedesk.io/instance-id", "i1"));

        var policy = client.network().v1().networkPolicies().inNamespace(ns).withName("database-ingress").get();
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", "database");
        var from = policy.getSpec().getIngress().getFirst().getFrom();
        assertThat(from).hasSize(2);
        assertThat(from.get(0).getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "litedesk")
                .containsEntry("litedesk.io/instance-id", "i1");
        assertThat(from.get(1).getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "litedesk-system");
        assertThat(policy.getSpec().getIngress().getFirst().getPorts().getFirst().getPort().getIntVal()).isEqualTo(27017);
    }

    @Test
    void creatingAgainChangesNothingAndTheRuntimeSharesTheNamespace() {
        var databases = databases(Duration.ofSeconds(10));
        var first = databases.create("i2");
        assertThat(databases.create("i2")).isEqualTo(first);
        new KubernetesInstanceRuntime(client, new KubernetesSettings("registry.example/litedesk:1.0", "nginx", "letsencrypt", null,
                "ingress-nginx", 27017), Duration.ofSeconds(5)).deploy(new WorkloadSpec("i2", "acme", "Acme", "acme.crm.example.com",
                "https://acme.crm.example.com", first, "c2lnbmluZw==", "m".repeat(40), "trial", PlanLimits.UNLIMITED));

        assertThat(client.apps().statefulSets().inNamespace("litedesk-i2").list().getItems()).hasSize(1);
        assertThat(client.services().inNamespace("litedesk-i2").list().getItems()).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("litedesk-db", "litedesk");
        assertThat(client.network().v1().networkPolicies().inNamespace("litedesk-i2").list().getItems()).hasSize(4);
        assertThat(client.namespaces().withName("litedesk-i2").get().getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", "acme");
        assertThat(databases.exists("i2")).isTrue();
    }

    @Test
    void droppingRemovesTheServerAndItsVolumesAndDroppingAgainDoesNothing() {
        var databases = databases(Duration.ofSeconds(10));
        databases.create("i3");
        client.persistentVolumeClaims().inNamespace("litedesk-i3").resource(new PersistentVolumeClaimBuilder().withNewMetadata()
                .withName("data-litedesk-db-0").addToLabels("app.kubernetes.io/component", "database").endMetadata().build()).create();

        databases.drop("i3");
        databases.drop("i3");
        databases.drop("never-created");

        assertThat(databases.exists("i3")).isFalse();
        assertThat(client.services().inNamespace("litedesk-i3").withName("litedesk-db").get()).isNull();
        assertThat(client.persistentVolumeClaims().inNamespace("litedesk-i3").list().getItems()).isEmpty();
    }

    @Test
    void aDatabaseThatDoesNotBecomeReadyIsUnavailableAndTheStepCanRunAgain() {
        assertThatThrownBy(() -> databases(Duration.ofMillis(500)).create("never-ready")).isInstanceOfSatisfying(LiteDeskException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.getMessage()).contains("the database of litedesk-never-ready is not ready after 0 s");
        });
        assertThat(client.apps().statefulSets().inNamespace("litedesk-never-ready").list().getItems()).hasSize(1);
    }
}
