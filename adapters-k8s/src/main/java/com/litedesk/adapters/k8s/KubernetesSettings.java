package com.litedesk.adapters.k8s;

import java.util.Map;
import java.util.Objects;

/**
 * How instances run on the cluster.
 *
 * @param image the LiteDesk image the instances run
 * @param ingressClass the ingress class of their Ingress objects
 * @param clusterIssuer the cert-manager ClusterIssuer that issues per-host certificates
 * @param wildcardTlsSecret a TLS secret for {@code *.<base domain>} to use instead of per-host certificates, or null
 * @param ingressNamespace the namespace of the ingress controller (the only source of traffic allowed in)
 * @param databasePort the port of the MongoDB instances reach (the only destination allowed out, with DNS)
 * @param instanceEnvironment more environment for every instance (how it sends mail)
 * @param instanceRoleArn an IAM role for the instances' service accounts (EKS IRSA), or null
 * @param httpsOut whether instances may open HTTPS connections outside the cluster (to SES), nothing else
 * @param instanceSecrets more environment for every instance that is kept in its Secret, not in the pod spec (the SMTP
 *                        password)
 * @param mailPort a TCP port instances may reach outside the cluster (an SMTP server's), or null
 */
public record KubernetesSettings(String image, String ingressClass, String clusterIssuer, String wildcardTlsSecret,
                                 String ingressNamespace, int databasePort, Map<String, String> instanceEnvironment,
                                 String instanceRoleArn, boolean httpsOut, Map<String, String> instanceSecrets, Integer mailPort) {
    public KubernetesSettings {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(ingressClass, "ingressClass");
        Objects.requireNonNull(clusterIssuer, "clusterIssuer");
        Objects.requireNonNull(ingressNamespace, "ingressNamespace");
        instanceEnvironment = Map.copyOf(instanceEnvironment);
        instanceSecrets = Map.copyOf(instanceSecrets);
    }

    /** Instances with no secrets of their own beyond their keys, and no SMTP server to reach. */
    public KubernetesSettings(String image, String ingressClass, String clusterIssuer, String wildcardTlsSecret,
                              String ingressNamespace, int databasePort, Map<String, String> instanceEnvironment,
                              String instanceRoleArn, boolean httpsOut) {
        this(image, ingressClass, clusterIssuer, wildcardTlsSecret, ingressNamespace, databasePort, instanceEnvironment, instanceRoleArn,
                httpsOut, Map.of(), null);
    }

    /** Instances with nothing more in their environment, no IAM role and no way out but DNS and the database. */
    public KubernetesSettings(String image, String ingressClass, String clusterIssuer, String wildcardTlsSecret,
                              String ingressNamespace, int databasePort) {
        this(image, ingressClass, clusterIssuer, wildcardTlsSecret, ingressNamespace, databasePort, Map.of(), null, false);
    }
}
