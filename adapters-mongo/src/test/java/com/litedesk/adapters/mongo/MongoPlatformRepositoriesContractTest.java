package com.litedesk.adapters.mongo;

import com.litedesk.ports.contract.PlatformRepositoriesContract;
import com.litedesk.ports.platform.PlatformRepositories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The control plane's port contract against the embedded server on a real file, through the real driver. */
class MongoPlatformRepositoriesContractTest extends PlatformRepositoriesContract {

    @TempDir
    static Path dir;
    private static EmbeddedMongoServer server;
    private static final List<MongoPlatformRepositories> open = new ArrayList<>();
    private static int databases;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.start(dir.resolve("platform-contract.mv"));
    }

    @AfterAll
    static void stopServer() {
        open.forEach(MongoPlatformRepositories::close);
        server.close();
    }

    @Override
    protected PlatformRepositories newStores() {
        var repositories = MongoPlatformRepositories.connect(server.connectionString(), "platform_contract_" + databases++);
        open.add(repositories);
        return repositories.repositories();
    }
}
