package com.litedesk.adapters.docker;

import java.util.Objects;

/**
 * How instances run on the engine.
 *
 * @param appImage the LiteDesk image (runs {@code instance}; also its {@code backup} and {@code restore} helpers)
 * @param databaseImage null (the default): each instance keeps its SQLite file on its named volume, one container
 *                      per instance; else a MongoDB image ({@code mongo:7}) run as a database container per instance
 * @param memoryMb memory limit of the database containers, and of app containers of plans without a size of their own
 * @param cpus CPU limit, likewise
 * @param instanceEnvironment more environment for every instance's app container (how it sends mail)
 */
public record DockerSettings(String appImage, String databaseImage, int memoryMb, double cpus, java.util.Map<String, String> instanceEnvironment) {
    public DockerSettings {
        Objects.requireNonNull(appImage, "appImage");
        databaseImage = databaseImage == null || databaseImage.isBlank() ? null : databaseImage;
        instanceEnvironment = java.util.Map.copyOf(instanceEnvironment);
    }

    /** Instances with nothing more in their environment. */
    public DockerSettings(String appImage, String databaseImage, int memoryMb, double cpus) {
        this(appImage, databaseImage, memoryMb, cpus, java.util.Map.of());
    }

    /** Whether each instance has a MongoDB container of its own (else its SQLite file on its volume). */
    boolean databaseContainers() {
        return databaseImage != null;
    }
}
