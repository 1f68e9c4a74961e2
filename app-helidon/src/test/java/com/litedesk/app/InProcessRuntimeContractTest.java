package com.litedesk.app;

import com.litedesk.adapters.sqlite.SqliteDatabaseProvisioner;
import com.litedesk.adapters.sqlite.SqliteFiles;
import com.litedesk.adapters.sqlite.SqliteSettings;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.platform.InProcessRuntime;
import com.litedesk.app.wiring.InstanceComponent;
import com.litedesk.ports.contract.InstanceRuntimeContract;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.WorkloadSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The runtime contract for instances inside the control plane's JVM, each on its SQLite file. */
class InProcessRuntimeContractTest extends InstanceRuntimeContract {

    @TempDir
    static Path dir;
    static SqliteFiles files;
    static SqliteDatabaseProvisioner databases;
    static InProcessRuntime runtime;

    @BeforeAll
    static void start() {
        files = new SqliteFiles(SqliteSettings.defaults());
        databases = new SqliteDatabaseProvisioner(dir, files);
        LiteDeskConfig base = LiteDeskConfig.from(Map.of("LITEDESK_DATA_DIR", dir.toString())::get);
        runtime = new InProcessRuntime(base, config -> InstanceComponent.of(config, files).application());
    }

    @AfterAll
    static void stop() {
        runtime.close();
        files.close();
    }

    @Override
    protected InstanceRuntime runtime() {
        return runtime;
    }

    @Override
    protected WorkloadSpec spec(String id) {
        return new WorkloadSpec(id, id, id, id + ".localhost", "http://" + id + ".localhost:8080", databases.create(id),
                "c2lnbmluZy1rZXktb2YtYXQtbGVhc3QtMzItYnl0ZXMtbG9uZw==", "m".repeat(40), "trial", PlanLimits.UNLIMITED);
    }
}
