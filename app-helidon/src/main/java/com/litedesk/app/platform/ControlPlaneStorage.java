package com.litedesk.app.platform;

import com.litedesk.adapters.mongo.EmbeddedMongoServer;
import com.litedesk.adapters.mongo.MongoDatabaseProvisioner;
import com.litedesk.adapters.mongo.MongoPlatformRepositories;
import com.litedesk.app.config.ConfigurationError;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.security.SigningKeys;
import com.litedesk.ports.platform.PlatformRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The control plane's MongoDB: {@code MONGO_URI}, or the embedded server on {@code <data dir>/litedesk.mv}. Its
 * own database is {@code litedesk_platform}; every instance gets a database of its own on the same server, and
 * on MONGO_URI a user of its own unless LITEDESK_DB_USERS=shared.
 */
public final class ControlPlaneStorage implements AutoCloseable {

    public static final String DATABASE = "litedesk_platform";

    private final String uri;
    private final PlatformRepositories repositories;
    private final MongoDatabaseProvisioner databases;
    private final List<AutoCloseable> resources;

    private ControlPlaneStorage(String uri, PlatformRepositories repositories, MongoDatabaseProvisioner databases, List<AutoCloseable> resources) {
        this.uri = uri;
        this.repositories = repositories;
        this.databases = databases;
        this.resources = resources;
    }

    /** The embedded server or MONGO_URI, with instances sharing the connection's user. */
    public static ControlPlaneStorage open(LiteDeskConfig config) {
        return open(config, false);
    }

    /**
     * @param instanceUsers give each instance its own MongoDB user (MONGO_URI only: the embedded server has none),
     *                      with passwords derived from a key kept in the control plane's database
     */
    public static ControlPlaneStorage open(LiteDeskConfig config, boolean instanceUsers) {
        List<AutoCloseable> resources = new ArrayList<>();
        String uri = config.mongoUri();
        if (uri == null) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new ConfigurationError("LITEDESK_DATA_DIR " + config.dataDir() + " cannot be created: " + e.getMessage());
            }
            EmbeddedMongoServer server = EmbeddedMongoServer.start(config.dataDir().resolve("litedesk.mv"), config.dbCacheMb());
            resources.add(server);
            uri = server.connectionString();
        }
        MongoPlatformRepositories platform = MongoPlatformRepositories.connect(uri, DATABASE);
        byte[] userKey = instanceUsers && config.mongoUri() != null
                ? SigningKeys.load(platform.repositories().accounts().secrets(), null, "database-user-key") : null;
        MongoDatabaseProvisioner databases = new MongoDatabaseProvisioner(uri, userKey);
        resources.addFirst(platform);
        resources.addFirst(databases);
        return new ControlPlaneStorage(uri, platform.repositories(), databases, resources);
    }

    public String uri() {
        return uri;
    }

    public PlatformRepositories repositories() {
        return repositories;
    }

    public MongoDatabaseProvisioner databases() {
        return databases;
    }

    @Override
    public void close() {
        com.litedesk.app.instance.InstanceStorage.closeAll(resources);
    }
}
