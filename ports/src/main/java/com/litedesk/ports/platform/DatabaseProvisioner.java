package com.litedesk.ports.platform;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Creates and removes instance databases, and copies their content for backups. Every method is idempotent:
 * creating an existing database returns it, dropping a missing one does nothing. UNAVAILABLE when the
 * database server cannot be reached. Thread-safe.
 */
public interface DatabaseProvisioner {

    /** Creates (or finds) the database of {@code instanceId}, with its indexes. */
    InstanceDatabase create(String instanceId);

    boolean exists(String instanceId);

    void drop(String instanceId);

    /** Writes every document of the instance's database to {@code out}; returns how many. */
    long dump(String instanceId, OutputStream out);

    /** Replaces the instance's database content with what {@link #dump} wrote; returns how many documents. */
    long restore(String instanceId, InputStream in);
}
