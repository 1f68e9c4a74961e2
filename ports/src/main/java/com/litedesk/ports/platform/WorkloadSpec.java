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
        PlanLimits limits) {

    public WorkloadSpec {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(managementKey, "managementKey");
    }

    @Override
    public String toString() {
        return "WorkloadSpec[" + instanceId + ", " + host + "]"; // never print secrets
    }
}
