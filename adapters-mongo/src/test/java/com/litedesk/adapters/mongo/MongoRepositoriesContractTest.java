package com.litedesk.adapters.mongo;

import com.litedesk.ports.contract.InstanceRepositoriesContract;
import com.litedesk.ports.instance.InstanceRepositories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The port contract against the embedded server on a real file, through the real driver. */
class MongoRepositoriesContractTest extends InstanceRepositoriesContract {

    @TempDir
    static Path dir;
    private static EmbeddedMongoServer server;
    private static final List<MongoInstanceRepositories> open = new ArrayList<>();
    private static int databases;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.start(dir.resolve("contract.mv"));
    }

    @AfterAll
    static void stopServer() {
        open.forEach(MongoInstanceRepositories::close);
        server.close();
    }

    @Override
    protected InstanceRepositories newStores() {
        MongoInstanceRepositories repositories = MongoInstanceRepositories.connect(server.connectionString(), "contract_" + databases++);
        open.add(repositories);
        return repositories.repositories();
    }
}
