package com.litedesk.app.instance;

import com.litedesk.adapters.mongo.MongoInstanceRepositories;
import com.litedesk.adapters.sqlite.SqliteFiles;
import com.litedesk.app.config.DataDirectory;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.core.memory.InMemoryInstanceRepositories;
import com.litedesk.ports.instance.InstanceRepositories;
import java.util.List;

/**
 * The instance's stores as configuration chooses them: its SQLite file (by default), its MongoDB database at
 * MONGO_URI, or memory (nothing kept).
 */
public final class InstanceStorage implements AutoCloseable {

    private final InstanceRepositories repositories;
    private final List<AutoCloseable> resources;

    private InstanceStorage(InstanceRepositories repositories, List<AutoCloseable> resources) {
        this.repositories = repositories;
        this.resources = resources;
    }

    /** @param files the process's SQLite files (shared with the control plane when the instance runs inside it) */
    public static InstanceStorage open(LiteDeskConfig config, SqliteFiles files) {
        InstanceStorage opened = unsealed(config, files);
        return new InstanceStorage(com.litedesk.app.security.MasterKeys.sealed(opened.repositories, config), opened.resources);
    }

    private static InstanceStorage unsealed(LiteDeskConfig config, SqliteFiles files) {
        return switch (config.store()) {
            case "memory" -> new InstanceStorage(InMemoryInstanceRepositories.create(), List.of());
            case "mongo" -> {
                MongoInstanceRepositories mongo = MongoInstanceRepositories.connect(config.mongoUri(),
                        com.litedesk.ports.platform.InstanceDatabase.nameOf(config.instanceId()));
                yield new InstanceStorage(mongo.repositories(), List.of(mongo));
            }
            default -> {
                DataDirectory.prepare(config.dataDir());
                var store = files.openInstance(config.instanceDatabaseFile());
                yield new InstanceStorage(store.repositories(), List.of(store));
            }
        };
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
