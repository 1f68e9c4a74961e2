package com.litedesk.adapters.k8s;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.Workload;
import com.litedesk.ports.platform.WorkloadSize;
import com.litedesk.ports.platform.WorkloadSpec;
import com.litedesk.ports.platform.WorkloadState;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Instances on Kubernetes through the fabric8 client. Per instance, all labelled
 * {@code app.kubernetes.io/name=litedesk}, {@code app.kubernetes.io/instance=<subdomain>},
 * {@code app.kubernetes.io/managed-by=litedesk-control-plane}: a Namespace; a ResourceQuota and a LimitRange from
 * the plan; NetworkPolicies (deny all, allow in from the ingress controller, out to DNS and the database only);
 * a ServiceAccount without token; a Secret with the database URI and keys; a Deployment running
 * {@code litedesk.jar instance} (liveness {@code /health}, readiness {@code /health/status}, non-root, read-only root
 * file system, requests and limits); a Service; an Ingress for the instance's host with cert-manager TLS; a
 * PodDisruptionBudget. Everything is created or updated in place, so a step may run again; readiness is watched on
 * the Deployment; suspend scales to zero,
 * resume to one, remove deletes the namespace and waits until it is gone. API failures are UNAVAILABLE.
 */
public final class KubernetesInstanceRuntime implements InstanceRuntime {

    static final String APP = "litedesk";
    static final String MANAGER = "litedesk-control-plane";
    static final String INSTANCE_ID = "litedesk.io/instance-id";
    private static final int PORT = 8080;

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final Duration deletionTimeout;

    public KubernetesInstanceRuntime(KubernetesClient client, KubernetesSettings settings, Duration deletionTimeout) {
        this.client = client;
        this.settings = settings;
        this.deletionTimeout = deletionTimeout;
    }

    public static String namespaceOf(String instanceId) {
        return "litedesk-" + instanceId;
    }

    static Map<String, String> labels(String subdomain, String instanceId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", APP);
        labels.put("app.kubernetes.io/instance", subdomain);
        labels.put("app.kubernetes.io/managed-by", MANAGER);
        labels.put(INSTANCE_ID, instanceId);
        return labels;
    }

    /** Requests and limits of an instance's pod, from its plan. */
    record Size(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit, String quotaCpu, String quotaMemory) {
        /** The smallest plan's, for a spec that names no size. */
        private static final WorkloadSize DEFAULT = new WorkloadSize(384, 0.5, 256, 0.1);

        /** Requests and limits of the pod as the plan sizes it; the namespace's quota leaves room for a second pod during a rollout. */
        static Size of(WorkloadSize size) {
            WorkloadSize s = size == null ? DEFAULT : size;
            return new Size(cpu(s.cpuRequest()), cpu(s.cpus()), mib(s.memoryRequestMb()), mib(s.memoryMb()), cpu(s.cpus() * 2),
                    mib(s.memoryMb() * 8 / 3));
        }

        private static String cpu(double cpus) {
            long millis = Math.round(cpus * 1000);
            return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
        }

        private static String mib(int mb) {
            return mb % 1024 == 0 ? (mb / 1024) + "Gi" : mb + "Mi";
        }
    }

    @Override
    public Workload deploy(WorkloadSpec spec) {
        String id = spec.instanceId();
        String ns = namespaceOf(id);
        Map<String, String> labels = labels(spec.subdomain(), id);
        Map<String, String> selector = Map.of("app.kubernetes.io/name", APP, INSTANCE_ID, id);
        Size size = Size.of(spec.size());
        Namespace existing = call("read namespace " + ns, () -> client.namespaces().withName(ns).get());
        if (terminating(existing)) {
            throw LiteDeskException.unavailable("namespace " + ns + " is still terminating (deleted at "
                    + existing.getMetadata().getDeletionTimestamp() + "); it cannot take new objects until it is gone", null);
        }
        apply(new NamespaceBuilder().withMetadata(meta(null, ns, labels)).build());
        apply(new ResourceQuotaBuilder().withMetadata(meta(ns, "litedesk-quota", labels)).withNewSpec()
                .addToHard("requests.cpu", new Quantity(size.quotaCpu())).addToHard("limits.cpu", new Quantity(size.quotaCpu()))
                .addToHard("requests.memory", new Quantity(size.quotaMemory())).addToHard("limits.memory", new Quantity(size.quotaMemory()))
                .addToHard("pods", new Quantity("4")).endSpec().build());
        apply(new LimitRangeBuilder().withMetadata(meta(ns, "litedesk-limits", labels)).withNewSpec().addNewLimit().withType("Container")
                .addToDefault("cpu", new Quantity(size.cpuLimit())).addToDefault("memory", new Quantity(size.memoryLimit()))
                .addToDefaultRequest("cpu", new Quantity(size.cpuRequest())).addToDefaultRequest("memory", new Quantity(size.memoryRequest()))
                .endLimit().endSpec().build());
        apply(new NetworkPolicyBuilder().withMetadata(meta(ns, "default-deny", labels)).withNewSpec()
                .withNewPodSelector().endPodSelector().withPolicyTypes("Ingress", "Egress").endSpec().build());
        apply(new NetworkPolicyBuilder().withMetadata(meta(ns, "allow-from-ingress", labels)).withNewSpec()
                .withNewPodSelector().withMatchLabels(selector).endPodSelector().withPolicyTypes("Ingress")
                .addNewIngress().addToFrom(new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
                        .addToMatchLabels("kubernetes.io/metadata.name", settings.ingressNamespace()).endNamespaceSelector().build())
                .addToPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(PORT)).build()).endIngress()
                .endSpec().build());
        var egress = new NetworkPolicyBuilder().withMetadata(meta(ns, "allow-dns-and-database", labels)).withNewSpec()
                .withNewPodSelector().withMatchLabels(selector).endPodSelector().withPolicyTypes("Egress")
                .addNewEgress().addToPorts(new NetworkPolicyPortBuilder().withProtocol("UDP").withPort(new IntOrString(53)).build(),
                        new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(53)).build()).endEgress()
                .addNewEgress().addToPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(settings.databasePort())).build()).endEgress();
        if (settings.httpsOut()) { // HTTPS to public addresses only (SES): nothing else in the cluster or the VPC
            egress.addNewEgress().addNewTo().withNewIpBlock().withCidr("0.0.0.0/0").withExcept("10.0.0.0/8", "172.16.0.0/12",
                            "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10").endIpBlock().endTo()
                    .addToPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(443)).build()).endEgress();
        }
        if (settings.mailPort() != null) { // the SMTP server's port, to public addresses or the cluster's own
            egress.addNewEgress().addToPorts(new NetworkPolicyPortBuilder().withProtocol("TCP")
                    .withPort(new IntOrString(settings.mailPort())).build()).endEgress();
        }
        apply(egress.endSpec().build());
        Map<String, String> role = settings.instanceRoleArn() == null ? Map.of() : Map.of("eks.amazonaws.com/role-arn", settings.instanceRoleArn());
        apply(new ServiceAccountBuilder().withMetadata(new ObjectMetaBuilder(meta(ns, APP, labels)).withAnnotations(role).build())
                .withAutomountServiceAccountToken(false).build());
        apply(new SecretBuilder().withMetadata(meta(ns, "litedesk-secrets", labels)).withType("Opaque")
                .addToStringData("MONGO_URI", spec.database().uri())
                .addToStringData("LITEDESK_SIGNING_KEY", spec.signingKey())
                .addToStringData("LITEDESK_MANAGEMENT_KEY", spec.managementKey())
                .addToStringData(new java.util.TreeMap<>(settings.instanceSecrets())).build());
        apply(deployment(spec, ns, labels, selector, size, 1));
        apply(new ServiceBuilder().withMetadata(meta(ns, APP, labels)).withNewSpec().withSelector(selector)
                .addNewPort().withName("http").withPort(PORT).withTargetPort(new IntOrString(PORT)).endPort().endSpec().build());
        String tlsSecret = settings.wildcardTlsSecret() != null ? settings.wildcardTlsSecret() : "litedesk-tls";
        Map<String, String> annotations = settings.wildcardTlsSecret() != null ? Map.of()
                : Map.of("cert-manager.io/cluster-issuer", settings.clusterIssuer());
        apply(new IngressBuilder().withMetadata(new ObjectMetaBuilder(meta(ns, APP, labels)).withAnnotations(annotations).build())
                .withNewSpec().withIngressClassName(settings.ingressClass())
                .addNewTl().withHosts(spec.host()).withSecretName(tlsSecret).endTl()
                .addNewRule().withHost(spec.host()).withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName(APP).withNewPort().withNumber(PORT).endPort().endService().endBackend()
                .endPath().endHttp().endRule().endSpec().build());
        apply(new PodDisruptionBudgetBuilder().withMetadata(meta(ns, APP, labels)).withNewSpec()
                .withMaxUnavailable(new IntOrString(1)).withNewSelector().withMatchLabels(selector).endSelector().endSpec().build());
        return find(id).orElseThrow(() -> LiteDeskException.unavailable("the deployment of " + id + " vanished", null));
    }

    private Deployment deployment(WorkloadSpec spec, String ns, Map<String, String> labels, Map<String, String> selector, Size size, int replicas) {
        List<EnvVar> env = new java.util.ArrayList<>(List.of(
                new EnvVarBuilder().withName("LITEDESK_PORT").withValue(Integer.toString(PORT)).build(),
                new EnvVarBuilder().withName("LITEDESK_INSTANCE_ID").withValue(spec.instanceId()).build(),
                new EnvVarBuilder().withName("LITEDESK_INSTANCE_NAME").withValue(spec.name() == null ? spec.subdomain() : spec.name()).build(),
                new EnvVarBuilder().withName("LITEDESK_PUBLIC_URL").withValue(spec.publicUrl()).build(),
                new EnvVarBuilder().withName("LITEDESK_DATA_DIR").withValue("/data").build()));
        new java.util.TreeMap<>(settings.instanceEnvironment()).forEach((name, value) -> env.add(new EnvVarBuilder().withName(name).withValue(value).build()));
        var container = new ContainerBuilder().withName(APP).withImage(settings.image()).withArgs("instance")
                .withEnv(env).addNewEnvFrom().withNewSecretRef().withName("litedesk-secrets").endSecretRef().endEnvFrom()
                .addNewPort().withName("http").withContainerPort(PORT).endPort()
                .withLivenessProbe(new ProbeBuilder().withNewHttpGet().withPath("/health").withPort(new IntOrString(PORT)).endHttpGet()
                        .withInitialDelaySeconds(20).withPeriodSeconds(10).withFailureThreshold(3).build())
                .withReadinessProbe(new ProbeBuilder().withNewHttpGet().withPath("/health/status").withPort(new IntOrString(PORT)).endHttpGet()
                        .withInitialDelaySeconds(5).withPeriodSeconds(5).build())
                .withResources(new ResourceRequirementsBuilder()
                        .addToRequests("cpu", new Quantity(size.cpuRequest())).addToRequests("memory", new Quantity(size.memoryRequest()))
                        .addToLimits("cpu", new Quantity(size.cpuLimit())).addToLimits("memory", new Quantity(size.memoryLimit())).build())
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(65534L).withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false).withNewCapabilities().addToDrop("ALL").endCapabilities().endSecurityContext()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
                .build();
        return new DeploymentBuilder().withMetadata(meta(ns, APP, labels)).withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(selector).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withNewSpec()
                .withServiceAccountName(APP).withAutomountServiceAccountToken(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(65534L).withFsGroup(65534L).endSecurityContext()
                .withContainers(container)
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("data").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().endTemplate().endSpec().build();
    }

    @Override
    public void stop(String instanceId) {
        scale(instanceId, 0, false);
    }

    @Override
    public void start(String instanceId) {
        scale(instanceId, 1, true);
    }

    private void scale(String instanceId, int replicas, boolean mustExist) {
        call("scale " + instanceId, () -> {
            var deployments = client.apps().deployments().inNamespace(namespaceOf(instanceId));
            Deployment current = client.namespaces().withName(namespaceOf(instanceId)).get() == null ? null : deployments.withName(APP).get();
            if (current == null) {
                if (mustExist) {
                    throw LiteDeskException.notFound("Workload", instanceId);
                }
                return null;
            }
            if (current.getSpec().getReplicas() == null || current.getSpec().getReplicas() != replicas) {
                current.getSpec().setReplicas(replicas);
                current.getMetadata().setResourceVersion(null);
                deployments.resource(current).update();
            }
            return null;
        });
    }

    /**
     * Deletes the namespace, and with it every object of the instance, and waits until it is gone. A namespace
     * still terminating after the deletion timeout (a stuck finalizer) is UNAVAILABLE, naming what holds it; the
     * deletion step is then retried, and nothing else waits for it.
     */
    @Override
    public void remove(String instanceId) {
        String ns = namespaceOf(instanceId);
        call("delete namespace " + ns, () -> client.namespaces().withName(ns).delete());
        try {
            client.namespaces().withName(ns).waitUntilCondition(n -> n == null, deletionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            Namespace stuck = call("read namespace " + ns, () -> client.namespaces().withName(ns).get());
            String holders = stuck == null ? "" : "; finalizers " + (stuck.getSpec() == null || stuck.getSpec().getFinalizers() == null
                    ? List.of() : stuck.getSpec().getFinalizers()) + " " + stuck.getMetadata().getFinalizers();
            throw LiteDeskException.unavailable("namespace " + ns + " is still terminating after " + deletionTimeout.toSeconds()
                    + " s" + holders, e);
        } catch (KubernetesClientException e) {
            throw LiteDeskException.unavailable("Kubernetes API failed while waiting for namespace " + ns + " to go ("
                    + e.getCode() + "): " + e.getMessage(), e);
        }
    }

    private static boolean terminating(Namespace namespace) {
        return namespace != null && namespace.getMetadata().getDeletionTimestamp() != null;
    }

    @Override
    public Optional<Workload> find(String instanceId) {
        String ns = namespaceOf(instanceId);
        return call("read deployment in " + ns, () -> {
            Namespace namespace = client.namespaces().withName(ns).get();
            if (namespace == null || terminating(namespace)) {
                return Optional.<Workload>empty(); // its namespace is gone (or going): so is the workload
            }
            return Optional.ofNullable(client.apps().deployments().inNamespace(ns).withName(APP).get()).map(d -> workloadOf(instanceId, d));
        });
    }

    /** Watches the instance's Deployment until it has a ready replica. */
    @Override
    public Workload awaitRunning(String instanceId, Duration timeout) {
        String ns = namespaceOf(instanceId);
        if (find(instanceId).isEmpty()) {
            throw LiteDeskException.notFound("Workload", instanceId);
        }
        try {
            Deployment ready = client.apps().deployments().inNamespace(ns).withName(APP).waitUntilCondition(
                    d -> d != null && d.getStatus() != null && d.getStatus().getReadyReplicas() != null && d.getStatus().getReadyReplicas() > 0,
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            return workloadOf(instanceId, ready);
        } catch (KubernetesClientTimeoutException e) {
            String detail = find(instanceId).map(Workload::detail).orElse("gone");
            throw LiteDeskException.unavailable("the deployment in " + ns + " has no ready replica after " + timeout.toSeconds()
                    + " s (" + detail + ")", e);
        } catch (KubernetesClientException e) {
            throw LiteDeskException.unavailable("Kubernetes API failed while watching the deployment in " + ns + " ("
                    + e.getCode() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public List<Workload> list() {
        return call("list namespaces", () -> client.namespaces().withLabel("app.kubernetes.io/managed-by", MANAGER).list().getItems().stream()
                .map(Namespace::getMetadata).map(ObjectMeta::getLabels).map(l -> l.get(INSTANCE_ID)).filter(java.util.Objects::nonNull)
                .map(id -> find(id).orElse(new Workload(id, null, WorkloadState.STOPPED, "namespace without a deployment"))).toList());
    }

    private Workload workloadOf(String instanceId, Deployment d) {
        String endpoint = "http://" + APP + "." + namespaceOf(instanceId) + ".svc.cluster.local:" + PORT;
        int wanted = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        int ready = d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
        if (wanted == 0) {
            return new Workload(instanceId, endpoint, WorkloadState.STOPPED, "scaled to zero");
        }
        return new Workload(instanceId, endpoint, ready > 0 ? WorkloadState.RUNNING : WorkloadState.STARTING, ready + "/" + wanted + " ready");
    }

    private <T extends HasMetadata> void apply(T resource) {
        KubernetesCalls.apply(client, resource);
    }

    static ObjectMeta meta(String namespace, String name, Map<String, String> labels) {
        return new ObjectMetaBuilder().withNamespace(namespace).withName(name).withLabels(labels).build();
    }

    private static <T> T call(String what, Supplier<T> action) {
        return KubernetesCalls.call(what, action);
    }
}
