package com.litedesk.app.instance;

import com.litedesk.adapters.mongo.EmbeddedMongoServer;
import com.litedesk.adapters.mongo.MongoInstanceRepositories;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.core.memory.InMemoryInstanceRepositories;
import com.litedesk.ports.instance.InstanceRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The instance's stores as configuration chooses them: MongoDB at MONGO_URI, else the embedded
 * wire-compatible server on a file under the data directory; or memory (nothing kept).
 */
public final class InstanceStorage implements AutoCloseable {

    private final InstanceRepositories repositories;
    private final List<AutoCloseable> resources;

    private InstanceStorage(InstanceRepositories repositories, List<AutoCloseable> resources) {
        this.repositories = repositories;
        this.resources = resources;
    }

    public static InstanceStorage open(LiteDeskConfig config) {
        if (config.store().equals("memory")) {
            return new InstanceStorage(InMemoryInstanceRepositories.create(), List.of());
        }
        List<AutoCloseable> resources = new ArrayList<>();
        String uri = config.mongoUri();
        if (uri == null) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new com.litedesk.app.config.ConfigurationError("LITEDESK_DATA_DIR " + config.dataDir() + " cannot be created: " + e.getMessage());
            }
            EmbeddedMongoServer server = EmbeddedMongoServer.start(config.dataDir().resolve("litedesk-" + config.instanceId() + ".mv"), config.dbCacheMb());
            resources.add(server);
            uri = server.connectionString();
        }
        MongoInstanceRepositories mongo = MongoInstanceRepositories.connect(uri, "litedesk_" + config.instanceId().replace('-', '_'));
        resources.addFirst(mongo);
        return new InstanceStorage(mongo.repositories(), resources);
    }

    public InstanceRepositories repositories() {
        return repositories;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    /** Closes each resource in order; one failing to close does not keep the others open. */
    public static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing on the way out: nothing left to do about it
            }
        }
    }
}
