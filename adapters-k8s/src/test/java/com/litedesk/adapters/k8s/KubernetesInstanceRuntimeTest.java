package com.litedesk.adapters.k8s;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.InstanceDatabase;
import com.litedesk.ports.platform.WorkloadSpec;
import com.litedesk.ports.platform.WorkloadState;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Kubernetes runtime against fabric8's mock API server in CRUD mode: every object and its important fields. */
@EnableKubernetesMockClient(crud = true)
class KubernetesInstanceRuntimeTest {

    KubernetesClient client;

    private KubernetesInstanceRuntime runtime(String wildcard) {
        return new KubernetesInstanceRuntime(client, new KubernetesSettings("registry.example/litedesk:1.0", "nginx", "letsencrypt",
                wildcard, "ingress-nginx", 27017), Duration.ofSeconds(5));
    }

    /** A spec of the size the control plane's plans give (the runtime only ever sees the size). */
    private static WorkloadSpec spec(String id, String plan) {
        var size = switch (plan) {
            case "professional" -> new com.litedesk.ports.platform.WorkloadSize(768, 1.0, 512, 0.25);
            case "enterprise" -> new com.litedesk.ports.platform.WorkloadSize(1536, 2.0, 1024, 0.5);
            default -> new com.litedesk.ports.platform.WorkloadSize(384, 0.5, 256, 0.1);
        };
        return new WorkloadSpec(id, "acme", "Acme Ltd", "acme.crm.example.com", "https://acme.crm.example.com",
                new InstanceDatabase("mongodb://litedesk-acme:secret@mongo.db.svc:27017/litedesk_" + id, "litedesk_" + id),
                "c2lnbmluZw==", "m".repeat(40), plan, PlanLimits.UNLIMITED, size);
    }

    @Test
    void anInstanceIsANamespaceOfLabelledLockedDownObjectsSizedByItsPlan() {
        var workload = runtime(null).deploy(spec("i1", "professional"));
        String ns = "litedesk-i1";

        assertThat(workload.endpoint()).isEqualTo("http://litedesk.litedesk-i1.svc.cluster.local:8080");
        assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "litedesk").containsEntry("app.kubernetes.io/instance", "acme")
                .containsEntry("app.kubernetes.io/managed-by", "litedesk-control-plane");
        assertThat(client.resourceQuotas().inNamespace(ns).withName("litedesk-quota").get().getSpec().getHard())
                .containsEntry("limits.memory", new Quantity("2Gi")).containsEntry("limits.cpu", new Quantity("2"));
        assertThat(client.limitRanges().inNamespace(ns).withName("litedesk-limits").get().getSpec().getLimits().getFirst().getDefault())
                .containsEntry("memory", new Quantity("768Mi"));

        var policies = client.network().v1().networkPolicies().inNamespace(ns).list().getItems();
        assertThat(policies).extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder("default-deny", "allow-from-ingress", "allow-dns-and-database");
        NetworkPolicy deny = client.network().v1().networkPolicies().inNamespace(ns).withName("default-deny").get();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        NetworkPolicy in = client.network().v1().networkPolicies().inNamespace(ns).withName("allow-from-ingress").get();
        assertThat(in.getSpec().getIngress().getFirst().getFrom().getFirst().getNamespaceSelector().getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", "ingress-nginx");
        NetworkPolicy out = client.network().v1().networkPolicies().inNamespace(ns).withName("allow-dns-and-database").get();
        assertThat(out.getSpec().getEgress()).flatExtracting(e -> e.getPorts()).extracting(p -> p.getPort().getIntVal())
                .containsExactlyInAnyOrder(53, 53, 27017);

        assertThat(client.serviceAccounts().inNamespace(ns).withName("litedesk").get().getAutomountServiceAccountToken()).isFalse();
        assertThat(client.secrets().inNamespace(ns).withName("litedesk-secrets").get().getStringData())
                .containsKeys("MONGO_URI", "LITEDESK_SIGNING_KEY", "LITEDESK_MANAGEMENT_KEY");

        var deployment = client.apps().deployments().inNamespace(ns).withName("litedesk").get();
        var pod = deployment.getSpec().getTemplate().getSpec();
        var container = pod.getContainers().getFirst();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getImage()).isEqualTo("registry.example/litedesk:1.0");
        assertThat(container.getArgs()).containsExactly("instance");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/status");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("768Mi"));
        assertThat(container.getEnvFrom().getFirst().getSecretRef().getName()).isEqualTo("litedesk-secrets");

        assertThat(client.services().inNamespace(ns).withName("litedesk").get().getSpec().getPorts().getFirst().getPort()).isEqualTo(8080);
        var ingress = client.network().v1().ingresses().inNamespace(ns).withName("litedesk").get();
        assertThat(ingress.getSpec().getRules().getFirst().getHost()).isEqualTo("acme.crm.example.com");
        assertThat(ingress.getSpec().getTls().getFirst().getHosts()).containsExactly("acme.crm.example.com");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
        assertThat(client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("litedesk").get()).isNotNull();
    }

    @Test
    void deployingAgainUpdatesInPlaceAndAWildcardCertificateReplacesPerHostOnes() {
        var runtime = runtime("wildcard-crm-example-com");
        runtime.deploy(spec("i2", "trial"));
        String uid = client.namespaces().withName("litedesk-i2").get().getMetadata().getUid();
        runtime.deploy(spec("i2", "enterprise"));

        assertThat(client.namespaces().withLabel("litedesk.io/instance-id", "i2").list().getItems()).hasSize(1);
        assertThat(client.namespaces().withName("litedesk-i2").get().getMetadata().getUid()).isEqualTo(uid);
        assertThat(client.apps().deployments().inNamespace("litedesk-i2").list().getItems()).hasSize(1);
        assertThat(client.apps().deployments().inNamespace("litedesk-i2").withName("litedesk").get().getSpec().getTemplate().getSpec()
                .getContainers().getFirst().getResources().getLimits()).containsEntry("memory", new Quantity("1536Mi"));
        var ingress = client.network().v1().ingresses().inNamespace("litedesk-i2").withName("litedesk").get();
        assertThat(ingress.getSpec().getTls().getFirst().getSecretName()).isEqualTo("wildcard-crm-example-com");
        assertThat(ingress.getMetadata().getAnnotations()).doesNotContainKey("cert-manager.io/cluster-issuer");
        assertThat(runtime.list()).extracting(w -> w.instanceId()).contains("i2");
    }

    @Test
    void suspendScalesToZeroResumeToOneAndRemoveDeletesTheNamespace() {
        var runtime = runtime(null);
        runtime.deploy(spec("i3", "starter"));

        runtime.stop("i3");
        runtime.stop("i3");
        assertThat(runtime.find("i3")).get().extracting(w -> w.state()).isEqualTo(WorkloadState.STOPPED);
        runtime.start("i3");
        assertThat(client.apps().deployments().inNamespace("litedesk-i3").withName("litedesk").get().getSpec().getReplicas()).isEqualTo(1);

        runtime.remove("i3");
        runtime.remove("i3");
        assertThat(client.namespaces().withName("litedesk-i3").get()).isNull();
        assertThat(runtime.find("i3")).isEmpty();
        assertThatThrownBy(() -> runtime.start("i3"))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void labelsNameTheProductTheSubdomainAndTheManager() {
        assertThat(KubernetesInstanceRuntime.labels("acme", "i9")).containsAllEntriesOf(Map.of("app.kubernetes.io/name", "litedesk",
                "app.kubernetes.io/instance", "acme", "app.kubernetes.io/managed-by", "litedesk-control-plane"));
    }

    @Test
    void instancesThatSendMailThroughSesGetItsSettingsAnIamRoleAndHttpsOutToPublicAddressesOnly() {
        var runtime = new KubernetesInstanceRuntime(client, new KubernetesSettings("registry.example/litedesk:1.0", "nginx", "letsencrypt",
                null, "ingress-nginx", 27017, Map.of("LITEDESK_MAIL", "ses", "LITEDESK_MAIL_FROM", "crm@acme.example", "LITEDESK_AWS_REGION", "eu-west-1"),
                "arn:aws:iam::111122223333:role/litedesk-instances", true), Duration.ofSeconds(5));
        runtime.deploy(spec("i9", "trial"));
        String ns = "litedesk-i9";

        var env = client.apps().deployments().inNamespace(ns).withName("litedesk").get().getSpec().getTemplate().getSpec()
                .getContainers().getFirst().getEnv();
        assertThat(env).extracting(e -> e.getName() + "=" + e.getValue())
                .contains("LITEDESK_MAIL=ses", "LITEDESK_MAIL_FROM=crm@acme.example", "LITEDESK_AWS_REGION=eu-west-1");
        assertThat(client.serviceAccounts().inNamespace(ns).withName("litedesk").get().getMetadata().getAnnotations())
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::111122223333:role/litedesk-instances");
        var egress = client.network().v1().networkPolicies().inNamespace(ns).withName("allow-dns-and-database").get().getSpec().getEgress();
        assertThat(egress).hasSize(3);
        var https = egress.get(2);
        assertThat(https.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(443));
        assertThat(https.getTo().getFirst().getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
        assertThat(https.getTo().getFirst().getIpBlock().getExcept()).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

        runtime(null).deploy(spec("i10", "trial"));
        assertThat(client.network().v1().networkPolicies().inNamespace("litedesk-i10").withName("allow-dns-and-database").get()
                .getSpec().getEgress()).as("without SES: DNS and the database only").hasSize(2);
    }

    @Test
    void readinessIsWatchedOnTheDeployment() throws Exception {
        var runtime = runtime(null);
        runtime.deploy(spec("i11", "trial"));
        assertThatThrownBy(() -> runtime.awaitRunning("i11", Duration.ofMillis(300))).isInstanceOfSatisfying(LiteDeskException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.getMessage()).contains("the deployment in litedesk-i11 has no ready replica after 0 s (0/1 ready)");
        });

        var kubelet = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            var deployment = client.apps().deployments().inNamespace("litedesk-i11").withName("litedesk").get();
            deployment.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(1).withReadyReplicas(1).build());
            client.resource(deployment).updateStatus();
        });
        var running = runtime.awaitRunning("i11", Duration.ofSeconds(10));
        kubelet.join();

        assertThat(running.state()).isEqualTo(WorkloadState.RUNNING);
        assertThatThrownBy(() -> runtime.awaitRunning("never-deployed", Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
