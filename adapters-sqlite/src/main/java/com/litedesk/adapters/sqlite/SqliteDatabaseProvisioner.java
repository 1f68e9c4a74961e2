package com.litedesk.adapters.sqlite;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.DatabaseProvisioner;
import com.litedesk.ports.platform.InstanceDatabase;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Instance databases as SQLite files under the data directory: {@code <data dir>/instances/<instance id>/litedesk.db},
 * one per instance, sharing nothing with another (no file, no lock). Create makes the file with its tables, drop
 * closes and deletes the directory, backups use the portable format.
 */
public final class SqliteDatabaseProvisioner implements DatabaseProvisioner {

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$");

    private final Path dataDir;
    private final SqliteFiles files;

    public SqliteDatabaseProvisioner(Path dataDir, SqliteFiles files) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.files = files;
    }

    /** Where an instance's database lives under {@code dataDir}. */
    public static Path fileOf(Path dataDir, String instanceId) {
        if (!ID.matcher(instanceId).matches()) {
            throw LiteDeskException.invalid("instanceId", "is not an instance id");
        }
        return dataDir.resolve("instances").resolve(instanceId).resolve("litedesk.db");
    }

    private Path file(String instanceId) {
        return fileOf(dataDir, instanceId);
    }

    @Override
    public InstanceDatabase create(String instanceId) {
        Path file = file(instanceId);
        try (var ignored = files.openInstance(file)) {
            return new InstanceDatabase(file.toUri().toString(), InstanceDatabase.nameOf(instanceId));
        }
    }

    @Override
    public boolean exists(String instanceId) {
        return Files.exists(file(instanceId));
    }

    @Override
    public void drop(String instanceId) {
        files.deleteDirectoryOf(file(instanceId));
    }

    @Override
    public long dump(String instanceId, OutputStream out) {
        requireExisting(instanceId);
        return files.dump(file(instanceId), out);
    }

    @Override
    public long restore(String instanceId, InputStream in) {
        requireExisting(instanceId);
        return files.restore(file(instanceId), in);
    }

    private void requireExisting(String instanceId) {
        if (!exists(instanceId)) {
            throw LiteDeskException.notFound("Database of instance", instanceId);
        }
    }
}
