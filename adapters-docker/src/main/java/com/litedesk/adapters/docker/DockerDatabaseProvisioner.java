package com.litedesk.adapters.docker;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.DatabaseProvisioner;
import com.litedesk.ports.platform.InstanceDatabase;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Instance databases as containers: one database container with a named volume per instance. The instance's
 * app reaches it at {@code mongodb://127.0.0.1:27017} inside their shared network namespace; the control
 * plane reaches it at the loopback port the engine published ({@link #hostConnectionString}), through which
 * the MongoDB adapter copies it for backups ({@link #dump} and {@link #restore} are not done here).
 */
public final class DockerDatabaseProvisioner implements DatabaseProvisioner {

    private final InstanceContainers containers;

    public DockerDatabaseProvisioner(DockerEngine engine, DockerSettings settings) {
        this.containers = new InstanceContainers(engine, settings);
    }

    public static String databaseName(String instanceId) {
        return "litedesk_" + instanceId.replace('-', '_');
    }

    @Override
    public InstanceDatabase create(String instanceId) {
        containers.ensureDatabase(instanceId);
        return new InstanceDatabase("mongodb://127.0.0.1:" + InstanceContainers.DB_PORT, databaseName(instanceId));
    }

    @Override
    public boolean exists(String instanceId) {
        return containers.inspect(InstanceContainers.database(instanceId)).isPresent();
    }

    @Override
    public void drop(String instanceId) {
        containers.removeDatabase(instanceId);
    }

    /** Where the control plane reaches the instance's database (a loopback port the engine published). */
    public String hostConnectionString(String instanceId) {
        int port = containers.publishedPort(instanceId, InstanceContainers.DB_PORT)
                .orElseThrow(() -> LiteDeskException.unavailable("the database of " + instanceId + " publishes no port", null));
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public long dump(String instanceId, OutputStream out) {
        throw LiteDeskException.unavailable("copy Docker databases through hostConnectionString with the MongoDB adapter", null);
    }

    @Override
    public long restore(String instanceId, InputStream in) {
        throw LiteDeskException.unavailable("copy Docker databases through hostConnectionString with the MongoDB adapter", null);
    }
}
