package com.litedesk.adapters.k8s;

import java.time.Duration;
import java.util.Objects;

/**
 * How per-instance MongoDB StatefulSets run.
 *
 * @param image the MongoDB image ({@code mongo:7})
 * @param storage the size of each database's volume ({@code 5Gi})
 * @param storageClass the volume's storage class, or null for the cluster's default
 * @param cpu CPU request and limit of the database pod
 * @param memory memory request and limit of the database pod
 * @param controlPlaneNamespace the control plane's namespace: the only one, besides the instance, let in
 * @param readyTimeout how long creating waits for the database to be ready
 */
public record DatabaseSettings(String image, String storage, String storageClass, String cpu, String memory,
                               String controlPlaneNamespace, Duration readyTimeout) {
    public DatabaseSettings {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(controlPlaneNamespace, "controlPlaneNamespace");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
    }
}
