package com.litedesk.adapters.k8s;

import com.litedesk.ports.LiteDeskException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.function.Supplier;

/** API calls with the adapters' failure policy: what may pass is retried with back-off, then UNAVAILABLE. */
final class KubernetesCalls {

    private KubernetesCalls() {
    }

    /** Retries API errors that may pass (conflicts, server errors, throttling) with back-off, then fails UNAVAILABLE. */
    static <T> T call(String what, Supplier<T> action) {
        long delay = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (KubernetesClientException e) {
                boolean transientFailure = e.getCode() == 409 || e.getCode() == 429 || e.getCode() >= 500 || e.getCode() == 0;
                if (!transientFailure || attempt >= 4) {
                    throw LiteDeskException.unavailable("Kubernetes API failed to " + what + " (" + e.getCode() + "): " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw LiteDeskException.unavailable("interrupted while trying to " + what, interrupted);
                }
                delay *= 2;
            }
        }
    }

    /** Creates {@code resource}, or updates it in place when it exists: a step may run again. */
    static <T extends HasMetadata> void apply(KubernetesClient client, T resource) {
        call("apply " + resource.getKind() + " " + resource.getMetadata().getName(),
                () -> client.resource(resource).createOr(NonDeletingOperation::update));
    }
}
