package com.litedesk.adapters.docker;

import java.util.Objects;

/**
 * How instances run on the engine.
 *
 * @param appImage the LiteDesk image (runs {@code instance})
 * @param databaseImage {@code mongo:7}, or the LiteDesk image itself (runs its {@code database} role) where nothing can be pulled
 * @param memoryMb memory limit of the database containers, and of app containers of plans without a size of their own
 * @param cpus CPU limit, likewise
 */
public record DockerSettings(String appImage, String databaseImage, int memoryMb, double cpus) {
    public DockerSettings {
        Objects.requireNonNull(appImage, "appImage");
        Objects.requireNonNull(databaseImage, "databaseImage");
    }

    boolean databaseIsLiteDesk() {
        return databaseImage.equals(appImage) || databaseImage.contains("litedesk");
    }
}
