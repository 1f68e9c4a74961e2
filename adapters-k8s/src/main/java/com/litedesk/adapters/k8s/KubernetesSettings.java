package com.litedesk.adapters.k8s;

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
 */
public record KubernetesSettings(String image, String ingressClass, String clusterIssuer, String wildcardTlsSecret,
                                 String ingressNamespace, int databasePort) {
    public KubernetesSettings {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(ingressClass, "ingressClass");
        Objects.requireNonNull(clusterIssuer, "clusterIssuer");
        Objects.requireNonNull(ingressNamespace, "ingressNamespace");
    }
}
