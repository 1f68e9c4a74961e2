package com.litedesk.adapters.sqlite;

import com.litedesk.ports.contract.InstanceRepositoriesContract;
import com.litedesk.ports.instance.InstanceRepositories;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The port contract on a real SQLite file per test, through the real driver. */
class SqliteRepositoriesContractTest extends InstanceRepositoriesContract {

    @TempDir
    Path dir;
    private SqliteFiles files;

    @Override
    protected InstanceRepositories newStores() {
        files = new SqliteFiles(SqliteSettings.defaults());
        return files.openInstance(dir.resolve("instances/contract/litedesk.db")).repositories();
    }

    @AfterEach
    void close() {
        files.close();
    }
}
