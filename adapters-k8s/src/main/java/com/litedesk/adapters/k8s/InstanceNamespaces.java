package com.litedesk.adapters.k8s;

import com.litedesk.ports.LiteDeskException;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The namespace that isolates one instance on a cluster: named {@code litedesk-<subdomain>} and labelled with
 * the Kubernetes recommended labels. Creating is idempotent (an existing namespace is adopted and its labels
 * restored), so a provisioning step may run it again after a crash. Thread-safe.
 */
public final class InstanceNamespaces {

    public static final String NAME_LABEL = "app.kubernetes.io/name";
    public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    static final String MANAGER = "litedesk-control-plane";

    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");

    private final KubernetesClient client;

    public InstanceNamespaces(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The namespace name of an instance. */
    public static String nameOf(String subdomain) {
        if (subdomain == null || !SUBDOMAIN.matcher(subdomain).matches()) {
            throw LiteDeskException.invalid("subdomain", "must be a DNS label of 1-40 lowercase letters, digits and hyphens");
        }
        return "litedesk-" + subdomain;
    }

    /** The labels every object of the instance carries. */
    public static Map<String, String> labelsOf(String subdomain) {
        return Map.of(NAME_LABEL, "litedesk", INSTANCE_LABEL, subdomain, MANAGED_BY_LABEL, MANAGER);
    }

    /** Creates the instance's namespace, or adopts it when it exists; returns it as the cluster stores it. */
    public Namespace ensure(String subdomain) {
        var desired = new NamespaceBuilder()
                .withNewMetadata().withName(nameOf(subdomain)).withLabels(labelsOf(subdomain)).endMetadata()
                .build();
        return call("create namespace " + desired.getMetadata().getName(),
                () -> client.resource(desired).createOr(NonDeletingOperation::update));
    }

    /** The instance's namespace, when it exists. */
    public Optional<Namespace> find(String subdomain) {
        var name = nameOf(subdomain);
        return Optional.ofNullable(call("read namespace " + name, () -> client.namespaces().withName(name).get()));
    }

    /** Deletes the instance's namespace and with it everything in it; deleting a missing one does nothing. */
    public void delete(String subdomain) {
        var name = nameOf(subdomain);
        call("delete namespace " + name, () -> client.namespaces().withName(name).delete());
    }

    private static <T> T call(String what, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (KubernetesClientException e) {
            throw LiteDeskException.unavailable("Kubernetes API failed to " + what + ": " + e.getMessage(), e);
        }
    }
}
