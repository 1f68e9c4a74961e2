package com.litedesk.adapters.k8s;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.InstanceDatabase;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Per-instance MongoDB on the cluster, the alternative to one database per instance on a shared {@code MONGO_URI}:
 * in the instance's namespace a StatefulSet {@code litedesk-db} (one replica, a persistent volume, non-root, a
 * readiness probe, requests and limits), its headless Service, and a NetworkPolicy that lets in only the
 * instance's own pods and the control plane's namespace. Creating is idempotent and returns once the database is
 * ready; dropping removes the StatefulSet, the Service and the volumes. The control plane reaches it at
 * {@link #connectionString} to back it up and restore it. API failures are UNAVAILABLE.
 */
public final class KubernetesDatabases {

    static final String NAME = "litedesk-db";
    private static final int PORT = 27017;

    private final KubernetesClient client;
    private final DatabaseSettings settings;

    public KubernetesDatabases(KubernetesClient client, DatabaseSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    public static String databaseName(String instanceId) {
        return com.litedesk.ports.platform.InstanceDatabase.nameOf(instanceId);
    }

    /** Where the instance's database server answers inside the cluster. */
    public String connectionString(String instanceId) {
        return "mongodb://" + NAME + "." + KubernetesInstanceRuntime.namespaceOf(instanceId) + ".svc.cluster.local:" + PORT;
    }

    static Map<String, String> labels(String instanceId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", KubernetesInstanceRuntime.APP);
        labels.put("app.kubernetes.io/component", "database");
        labels.put("app.kubernetes.io/managed-by", KubernetesInstanceRuntime.MANAGER);
        labels.put(KubernetesInstanceRuntime.INSTANCE_ID, instanceId);
        return labels;
    }

    /** Creates (or finds) the instance's database server and waits until it is ready. */
    public InstanceDatabase create(String instanceId) {
        String ns = KubernetesInstanceRuntime.namespaceOf(instanceId);
        Map<String, String> labels = labels(instanceId);
        Map<String, String> selector = Map.of("app.kubernetes.io/component", "database", KubernetesInstanceRuntime.INSTANCE_ID, instanceId);
        Namespace existing = KubernetesCalls.call("read namespace " + ns, () -> client.namespaces().withName(ns).get());
        if (existing == null) {
            Map<String, String> namespaceLabels = new LinkedHashMap<>(labels);
            namespaceLabels.remove("app.kubernetes.io/component");
            KubernetesCalls.apply(client, new NamespaceBuilder().withMetadata(KubernetesInstanceRuntime.meta(null, ns, namespaceLabels)).build());
        } else if (existing.getMetadata().getDeletionTimestamp() != null) {
            throw LiteDeskException.unavailable("namespace " + ns + " is still terminating; its database cannot be created yet", null);
        }
        KubernetesCalls.apply(client, new NetworkPolicyBuilder().withMetadata(KubernetesInstanceRuntime.meta(ns, "database-ingress", labels))
                .withNewSpec().withNewPodSelector().withMatchLabels(selector).endPodSelector().withPolicyTypes("Ingress")
                .addNewIngress()
                .addToFrom(new NetworkPolicyPeerBuilder().withNewPodSelector()
                        .addToMatchLabels("app.kubernetes.io/name", KubernetesInstanceRuntime.APP)
                        .addToMatchLabels(KubernetesInstanceRuntime.INSTANCE_ID, instanceId).endPodSelector().build())
                .addToFrom(new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
                        .addToMatchLabels("kubernetes.io/metadata.name", settings.controlPlaneNamespace()).endNamespaceSelector().build())
                .addToPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(PORT)).build())
                .endIngress().endSpec().build());
        KubernetesCalls.apply(client, new ServiceBuilder().withMetadata(KubernetesInstanceRuntime.meta(ns, NAME, labels)).withNewSpec()
                .withClusterIP("None").withSelector(selector)
                .addNewPort().withName("mongodb").withPort(PORT).withTargetPort(new IntOrString(PORT)).endPort().endSpec().build());
        KubernetesCalls.apply(client, statefulSet(ns, labels, selector));
        awaitReady(ns);
        return new InstanceDatabase(connectionString(instanceId), databaseName(instanceId));
    }

    private StatefulSet statefulSet(String ns, Map<String, String> labels, Map<String, String> selector) {
        var claim = new PersistentVolumeClaimBuilder().withMetadata(new ObjectMetaBuilder().withName("data").withLabels(labels).build())
                .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName(settings.storageClass())
                .withNewResources().addToRequests("storage", new Quantity(settings.storage())).endResources().endSpec().build();
        var container = new ContainerBuilder().withName("mongodb").withImage(settings.image())
                .withArgs("--bind_ip_all", "--wiredTigerCacheSizeGB", "0.25")
                .addNewPort().withName("mongodb").withContainerPort(PORT).endPort()
                .withReadinessProbe(new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(PORT)).endTcpSocket()
                        .withInitialDelaySeconds(5).withPeriodSeconds(5).build())
                .withLivenessProbe(new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(PORT)).endTcpSocket()
                        .withInitialDelaySeconds(30).withPeriodSeconds(10).withFailureThreshold(6).build())
                .withNewResources()
                .addToRequests("cpu", new Quantity(settings.cpu())).addToRequests("memory", new Quantity(settings.memory()))
                .addToLimits("cpu", new Quantity(settings.cpu())).addToLimits("memory", new Quantity(settings.memory())).endResources()
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(999L).withAllowPrivilegeEscalation(false)
                .withNewCapabilities().addToDrop("ALL").endCapabilities().endSecurityContext()
                .addNewVolumeMount().withName("data").withMountPath("/data/db").endVolumeMount()
                .build();
        return new StatefulSetBuilder().withMetadata(KubernetesInstanceRuntime.meta(ns, NAME, labels)).withNewSpec()
                .withServiceName(NAME).withReplicas(1)
                .withNewSelector().withMatchLabels(selector).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(podLabels(labels)).endMetadata().withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(999L).withFsGroup(999L).endSecurityContext()
                .withContainers(container).endSpec().endTemplate()
                .withVolumeClaimTemplates(claim).endSpec().build();
    }

    /**
     * The database pods' labels: the instance's, but not {@code app.kubernetes.io/name=litedesk}, which selects the
     * instance's application pods (its Service, its policies, its disruption budget).
     */
    private static Map<String, String> podLabels(Map<String, String> labels) {
        Map<String, String> pod = new LinkedHashMap<>(labels);
        pod.remove("app.kubernetes.io/name");
        pod.put("app.kubernetes.io/part-of", KubernetesInstanceRuntime.APP);
        return pod;
    }

    private void awaitReady(String ns) {
        try {
            client.apps().statefulSets().inNamespace(ns).withName(NAME).waitUntilCondition(
                    s -> s != null && s.getStatus() != null && s.getStatus().getReadyReplicas() != null && s.getStatus().getReadyReplicas() > 0,
                    settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            throw LiteDeskException.unavailable("the database of " + ns + " is not ready after " + settings.readyTimeout().toSeconds() + " s", e);
        }
    }

    public boolean exists(String instanceId) {
        String ns = KubernetesInstanceRuntime.namespaceOf(instanceId);
        return KubernetesCalls.call("read statefulset in " + ns, () -> client.apps().statefulSets().inNamespace(ns).withName(NAME).get() != null);
    }

    /** Removes the database server and its volumes; nothing to do when they are gone. */
    public void drop(String instanceId) {
        String ns = KubernetesInstanceRuntime.namespaceOf(instanceId);
        KubernetesCalls.call("delete the database of " + ns, () -> {
            client.apps().statefulSets().inNamespace(ns).withName(NAME).delete();
            client.services().inNamespace(ns).withName(NAME).delete();
            client.network().v1().networkPolicies().inNamespace(ns).withName("database-ingress").delete();
            client.persistentVolumeClaims().inNamespace(ns).withLabel("app.kubernetes.io/component", "database").delete();
            return null;
        });
    }
}
