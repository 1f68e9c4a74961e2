package com.litedesk.app.platform;

import com.litedesk.adapters.mongo.MongoDatabaseProvisioner;
import com.litedesk.adapters.mongo.MongoPlatformRepositories;
import com.litedesk.adapters.sqlite.SqliteDatabaseProvisioner;
import com.litedesk.adapters.sqlite.SqliteFiles;
import com.litedesk.app.config.DataDirectory;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.security.SigningKeys;
import com.litedesk.ports.platform.DatabaseProvisioner;
import com.litedesk.ports.platform.PlatformRepositories;
import java.util.ArrayList;
import java.util.List;

/**
 * The control plane's database and where instance databases are made. By default SQLite: its own file
 * {@code <data dir>/platform.db} and one file per instance under {@code <data dir>/instances/}. With MONGO_URI:
 * its database {@code litedesk_platform} there, every instance a database of its own on the same server, with a
 * user of its own unless LITEDESK_DB_USERS=shared.
 */
public final class ControlPlaneStorage implements AutoCloseable {

    public static final String DATABASE = "litedesk_platform";

    private final PlatformRepositories repositories;
    private final DatabaseProvisioner databases;
    private final SqliteFiles files;
    private final List<AutoCloseable> resources;

    private ControlPlaneStorage(PlatformRepositories repositories, DatabaseProvisioner databases, SqliteFiles files,
                                List<AutoCloseable> resources, LiteDeskConfig config) {
        // every secret (instance keys, the platform's signing keys) sealed at rest under a key that is not in the database
        this.repositories = repositories.withAccounts(com.litedesk.app.security.MasterKeys.sealed(repositories.accounts(), config));
        this.databases = databases;
        this.files = files;
        this.resources = resources;
    }

    /**
     * @param files         the process's SQLite files, shared with its in-process instances
     * @param instanceUsers give each instance its own MongoDB user (MONGO_URI only), with passwords derived from a key
     *                      kept in the control plane's database
     */
    public static ControlPlaneStorage open(LiteDeskConfig config, SqliteFiles files, boolean instanceUsers) {
        DataDirectory.prepare(config.dataDir()); // local files (DNS records, backups) live there in every mode
        if (config.store().equals("mongo")) {
            MongoPlatformRepositories platform = MongoPlatformRepositories.connect(config.mongoUri(), DATABASE);
            byte[] userKey = instanceUsers ? SigningKeys.secret(com.litedesk.app.security.MasterKeys.sealed(
                    platform.repositories().accounts(), config).secrets(), "database-user-key") : null;
            MongoDatabaseProvisioner databases = new MongoDatabaseProvisioner(config.mongoUri(), userKey);
            return new ControlPlaneStorage(platform.repositories(), databases, files, new ArrayList<>(List.of(databases, platform)), config);
        }
        var store = files.openPlatform(config.platformDatabaseFile());
        return new ControlPlaneStorage(store.repositories(), new SqliteDatabaseProvisioner(config.dataDir(), files), files,
                new ArrayList<>(List.of(store)), config);
    }

    public PlatformRepositories repositories() {
        return repositories;
    }

    /** Where instance databases are created on this storage (in-process instances use it). */
    public DatabaseProvisioner databases() {
        return databases;
    }

    public SqliteFiles files() {
        return files;
    }

    @Override
    public void close() {
        com.litedesk.app.instance.InstanceStorage.closeAll(resources);
    }
}
