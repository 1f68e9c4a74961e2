package com.litedesk.app.platform;

import com.litedesk.adapters.mongo.EmbeddedMongoServer;
import com.litedesk.adapters.mongo.MongoDatabaseProvisioner;
import com.litedesk.adapters.mongo.MongoPlatformRepositories;
import com.litedesk.app.config.ConfigurationError;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.ports.platform.PlatformRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The control plane's MongoDB: {@code MONGO_URI}, or the embedded server on {@code <data dir>/litedesk.mv}. Its
 * own database is {@code litedesk_platform}; every instance gets a database of its own on the same server.
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

    public static ControlPlaneStorage open(LiteDeskConfig config) {
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
        MongoDatabaseProvisioner databases = new MongoDatabaseProvisioner(uri);
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
