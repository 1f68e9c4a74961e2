package com.litedesk.adapters.docker;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.DatabaseProvisioner;
import com.litedesk.ports.platform.InstanceDatabase;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Instance databases on a Docker engine. By default an instance's database is its SQLite file on its named volume
 * ({@code /data/instances/<id>/litedesk.db} inside its container): create makes the network and the volume, drop
 * removes them, and backups run the LiteDesk image's {@code backup} and {@code restore} helpers in a short-lived
 * container that mounts the volume (so a suspended instance is backed up too). With a database image, one MongoDB
 * container per instance instead: the app reaches it at {@code mongodb://127.0.0.1:27017} inside their shared network
 * namespace, the control plane at the loopback port the engine published ({@link #hostConnectionString}), through
 * which the MongoDB adapter copies it for backups.
 */
public final class DockerDatabaseProvisioner implements DatabaseProvisioner {

    /** The data directory of an instance container: the mount point of its volume. */
    public static final String DATA_DIR = "/data";

    private final InstanceContainers containers;
    private final DockerHelpers helpers;

    public DockerDatabaseProvisioner(DockerEngine engine, DockerSettings settings) {
        this.containers = new InstanceContainers(engine, settings);
        this.helpers = new DockerHelpers(engine, settings);
    }

    public static String databaseName(String instanceId) {
        return InstanceDatabase.nameOf(instanceId);
    }

    /** Whether databases are MongoDB containers (backups then go through {@link #hostConnectionString}). */
    public boolean databaseContainers() {
        return containers.databaseContainers();
    }

    /** The SQLite file of an instance inside its container. */
    static String fileOf(String instanceId) {
        return DATA_DIR + "/instances/" + instanceId + "/litedesk.db";
    }

    @Override
    public InstanceDatabase create(String instanceId) {
        containers.ensureStorage(instanceId);
        if (containers.databaseContainers()) {
            return new InstanceDatabase("mongodb://127.0.0.1:" + InstanceContainers.DB_PORT, databaseName(instanceId));
        }
        return new InstanceDatabase("file://" + fileOf(instanceId), databaseName(instanceId));
    }

    @Override
    public boolean exists(String instanceId) {
        return containers.databaseContainers() ? containers.inspect(InstanceContainers.database(instanceId)).isPresent()
                : containers.volumeExists(instanceId);
    }

    @Override
    public void drop(String instanceId) {
        containers.removeStorage(instanceId);
    }

    /** Where the control plane reaches the instance's database container (a loopback port the engine published). */
    public String hostConnectionString(String instanceId) {
        int port = containers.publishedPort(instanceId, InstanceContainers.DB_PORT)
                .orElseThrow(() -> LiteDeskException.unavailable("the database of " + instanceId + " publishes no port", null));
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public long dump(String instanceId, OutputStream out) {
        requireVolume(instanceId);
        return helpers.backup(instanceId, InstanceContainers.volume(instanceId), fileOf(instanceId), out);
    }

    @Override
    public long restore(String instanceId, InputStream in) {
        requireVolume(instanceId);
        return helpers.restore(instanceId, InstanceContainers.volume(instanceId), fileOf(instanceId), in);
    }

    private void requireVolume(String instanceId) {
        if (containers.databaseContainers()) {
            throw LiteDeskException.unavailable("copy database containers through hostConnectionString with the MongoDB adapter", null);
        }
        if (!containers.volumeExists(instanceId)) {
            throw LiteDeskException.notFound("Database of instance", instanceId);
        }
    }
}
