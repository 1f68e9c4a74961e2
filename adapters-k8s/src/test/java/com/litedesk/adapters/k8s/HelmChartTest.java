package com.litedesk.adapters.k8s;

import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.InstanceDatabase;
import com.litedesk.ports.platform.WorkloadSpec;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart of the control plane: it lints, renders what an installation needs, and grants exactly the API
 * calls the Kubernetes runtime makes — measured by recording every request the runtime sends to a mock API server.
 */
@EnableKubernetesMockClient(crud = true)
class HelmChartTest {

    private static final Path CHART = Path.of("..", "helm", "litedesk");

    KubernetesMockServer server;
    KubernetesClient client;

    private static List<HasMetadata> render() {
        String yaml = new Helm(CHART).template().withName("ld").withNamespace("litedesk-system")
                .set("mongoUri", "mongodb+srv://litedesk:secret@cluster0.example.net").set("admin.password", "a-long-password")
                .set("secrets.masterKey", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").call();
        return Serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theChartLintsAndRendersTheControlPlane() {
        var lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();

        List<HasMetadata> objects = render();
        assertThat(objects).extracting(HasMetadata::getKind).contains("Deployment", "Service", "Ingress", "ServiceAccount",
                "ClusterRole", "ClusterRoleBinding", "ConfigMap", "Secret");
        Deployment deployment = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getArgs()).containsExactly("control-plane");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("ld-litedesk");
    }

    @Test
    void valuesThatBreakTheSchemaOrMissASecretAreRefused() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("ld").set("admin.password", "x").call())
                .hasMessageContaining("mongoUri");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("ld").set("mongoUri", "postgres://nope").set("admin.password", "x").call())
                .hasMessageContaining("mongoUri");
    }

    @Test
    void theClusterRoleGrantsEveryCallTheRuntimeAndItsDatabasesMake() throws Exception {
        var runtime = new KubernetesInstanceRuntime(client, new KubernetesSettings("img", "nginx", "le", null, "ingress-nginx", 27017),
                Duration.ofSeconds(5));
        var spec = new WorkloadSpec("i1", "acme", "Acme", "acme.crm.example.com", "https://acme.crm.example.com",
                new InstanceDatabase("mongodb://db/litedesk_i1", "litedesk_i1"), "a2V5", "m".repeat(40), "trial", PlanLimits.UNLIMITED);
        int before = server.getRequestCount();
        runtime.deploy(spec);
        runtime.deploy(spec);
        runtime.find("i1");
        assertThatThrownBy(() -> runtime.awaitRunning("i1", Duration.ofMillis(200))).hasMessageContaining("no ready replica");
        runtime.list();
        runtime.stop("i1");
        runtime.start("i1");
        var databases = new KubernetesDatabases(client, new DatabaseSettings("mongo:7", "5Gi", null, "500m", "512Mi", "litedesk-system",
                Duration.ofMillis(300)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> databases.create("i2")).hasMessageContaining("not ready"); // no kubelet on the mock server
        }
        databases.exists("i2");
        databases.drop("i2");
        runtime.remove("i1");

        Set<String> calls = new LinkedHashSet<>();
        for (int i = before; i < server.getRequestCount(); i++) {
            var request = server.takeRequest(1, TimeUnit.SECONDS);
            if (request != null) {
                calls.add(permissionOf(request.getMethod(), request.getPath()));
            }
        }
        ClusterRole role = render().stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast).findFirst().orElseThrow();
        Set<String> granted = new LinkedHashSet<>();
        for (PolicyRule rule : role.getRules()) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        granted.add(group + "/" + resource + ":" + verb);
                    }
                }
            }
        }
        assertThat(calls).isNotEmpty();
        assertThat(granted).as("every call the runtime makes is granted").containsAll(calls);
        // watching namespaces happens only while a deleted namespace is still terminating, which the mock skips
        Set<String> used = new LinkedHashSet<>(calls);
        used.add("/namespaces:watch");
        assertThat(used).as("nothing granted that the runtime does not use").containsAll(granted);
    }

    /** "group/resource:verb" of a request the fabric8 client sent. */
    private static String permissionOf(String method, String path) {
        String clean = path.split("\\?")[0];
        boolean watch = path.contains("watch=true");
        String[] p = clean.substring(1).split("/");
        String group;
        int i;
        if (p[0].equals("api")) {
            group = "";
            i = 2;
        } else {
            group = p[1];
            i = 3;
        }
        String resource;
        boolean named;
        if (p.length > i + 2 && p[i].equals("namespaces")) {
            resource = p[i + 2];
            named = p.length > i + 3;
        } else {
            resource = p[i];
            named = p.length > i + 1;
        }
        String verb = switch (method) {
            case "GET" -> watch ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
        return group + "/" + resource + ":" + verb;
    }
}
