package com.litedesk.adapters.sqlite;

import com.litedesk.ports.contract.PlatformRepositoriesContract;
import com.litedesk.ports.platform.PlatformRepositories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The control plane's port contract on a real SQLite file. */
class SqlitePlatformRepositoriesContractTest extends PlatformRepositoriesContract {

    @TempDir
    Path dir;
    private final List<SqliteFiles> opened = new ArrayList<>();
    private int files;

    @Override
    protected PlatformRepositories newStores() {
        SqliteFiles sqlite = new SqliteFiles(SqliteSettings.defaults());
        opened.add(sqlite);
        return sqlite.openPlatform(dir.resolve("platform-" + files++ + ".db")).repositories();
    }

    @AfterEach
    void close() {
        opened.forEach(SqliteFiles::close);
    }
}
