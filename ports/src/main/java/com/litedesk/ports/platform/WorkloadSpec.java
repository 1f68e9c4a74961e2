package com.litedesk.ports.platform;

import com.litedesk.ports.instance.PlanLimits;
import java.util.Objects;

/**
 * Everything a runtime needs to run one instance: who it is, where its data is, its secrets and its plan.
 *
 * @param host the host name users reach it at ({@code acme.localhost}, {@code acme.crm.example.com})
 * @param publicUrl the URL in mailed links
 * @param signingKey base64 key the instance signs its access tokens with
 * @param managementKey shared secret the control plane presents to the instance's management API
 * @param size how big its workload is, from its plan; null for the runtime's own default
 */
public record WorkloadSpec(
        String instanceId,
        String subdomain,
        String name,
        String host,
        String publicUrl,
        InstanceDatabase database,
        String signingKey,
        String managementKey,
        String planId,
        PlanLimits limits,
        @com.litedesk.ports.contract.Nullable WorkloadSize size) {

    public WorkloadSpec {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(managementKey, "managementKey");
    }

    /** A workload of the runtime's default size. */
    public WorkloadSpec(String instanceId, String subdomain, String name, String host, String publicUrl, InstanceDatabase database,
                        String signingKey, String managementKey, String planId, PlanLimits limits) {
        this(instanceId, subdomain, name, host, publicUrl, database, signingKey, managementKey, planId, limits, null);
    }

    @Override
    public String toString() {
        return "WorkloadSpec[" + instanceId + ", " + host + "]"; // never print secrets
    }
}
